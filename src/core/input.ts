// What a person typed that cannot be used. The core names the field it is about with «field»
// and never a flag: the shell turns «rating» into "--rating" for the command line, or into the
// question's words in a prompt. So the same check serves flags, prompts and scripts.
export type Invalid = { ok: false; field?: string; message: string; hint: string };

/** The marker for a field in an Invalid's message or hint. */
export function field(name: string): string {
  return `«${name}»`;
}

export function invalid(fieldName: string | undefined, message: string, hint: string): Invalid {
  return { ok: false, ...(fieldName !== undefined ? { field: fieldName } : {}), message, hint };
}

/** The text with each «field» replaced by what the shell calls it. */
export function fillFields(text: string, name: (field: string) => string): string {
  return text.replace(/«([a-z_]+)»/g, (_, f: string) => name(f));
}

/** The most a person types into one field: a long note, not a document. */
export const MAX_TYPED = 10_000;

/** An Invalid when a typed value is longer than MAX_TYPED characters. */
export function tooLong(fieldName: string, value: string | undefined): Invalid | undefined {
  if (value === undefined || value.length <= MAX_TYPED) return undefined;
  return invalid(
    fieldName,
    `«${fieldName}» is ${value.length} characters long; the most is ${MAX_TYPED}`,
    'Shorten it: keep long documents outside the programme folder and refer to them.',
  );
}
