// Control characters (an escape sequence can move a terminal's cursor, recolour it or rewrite
// what was printed; others break CSV, Markdown and calendar files) have no place in a record.
// Records refuse them (schema/common.ts); anything else shown to a person passes through
// `printable`, which makes them visible instead.

/** C0 controls except tab and line feed, DEL, and C1 controls (U+0080 to U+009F). */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** The text with every control character shown as \uXXXX. */
export function printable(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
