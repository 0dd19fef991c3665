// The mentoring agreement as Markdown, from a Handlebars template. Strict: a template that uses a
// value that does not exist, or does not parse, is an error with the template's line, and
// nothing is written. Values are escaped for Markdown (a name with * or _ stays literal).
// Handlebars' protections against reaching object prototypes stay on.
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import Handlebars from 'handlebars';
import type { AgreementData } from '../core/agreement/context.js';

export type Rendered = { ok: true; text: string } | { ok: false; line: number; col: number; message: string };

/** Markdown's special characters in a value, escaped so they print as themselves. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

function escapeAll<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map(escapeAll) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeAll(v)])) as T;
  return value;
}

/** The helpers a template may use; listed in docs/agreement.md. */
function helpers(hb: typeof Handlebars): void {
  // {{list terms.boundaries}}: a bulleted list.
  hb.registerHelper('list', (items: unknown) => (Array.isArray(items) ? items.map((i) => `- ${String(i)}`).join('\n') : ''));
  // {{plural terms.sessions "session"}}: "12 sessions", "1 session".
  hb.registerHelper('plural', (n: unknown, word: unknown) => `${String(n)} ${String(word)}${Number(n) === 1 ? '' : 's'}`);
  // {{date iso.first_meeting "EEEE d MMMM yyyy"}}: a date in a date-fns format (default "d MMMM yyyy").
  hb.registerHelper('date', (iso: unknown, pattern: unknown) => {
    if (typeof iso !== 'string' || iso === '') return '';
    return format(parseISO(iso), typeof pattern === 'string' ? pattern : 'd MMMM yyyy');
  });
  // {{join mentee.goals ", "}}
  hb.registerHelper('join', (items: unknown, sep: unknown) => (Array.isArray(items) ? items.join(typeof sep === 'string' ? sep : ', ') : ''));
}

export function renderAgreement(template: string, data: AgreementData): Rendered {
  const hb = Handlebars.create();
  helpers(hb);
  try {
    const compiled = hb.compile(template, { strict: true, noEscape: true });
    const text = compiled(escapeAll(data));
    return { ok: true, text: text.replace(/\n{3,}/g, '\n\n') };
  } catch (error) {
    return locateError(error instanceof Error ? error.message : String(error));
  }
}

/** Handlebars' messages to a line, a column and words a template writer can act on. */
function locateError(message: string): Rendered {
  const missing = /^"?([^"]+)"? not defined in .* - (\d+):(\d+)/s.exec(message);
  if (missing) return { ok: false, line: Number(missing[2]), col: Number(missing[3]) + 1, message: `"${missing[1]}" is not a value a template can use` };
  const parse = /Parse error on line (\d+):[\s\S]*?\n(Expecting [^\n]*|[^\n]*)$/.exec(message);
  if (parse) return { ok: false, line: Number(parse[1]), col: 1, message: `the template does not parse: ${parse[2]!.replace(/, got/, '; found')}` };
  const other = /line (\d+)/.exec(message);
  return { ok: false, line: other ? Number(other[1]) : 1, col: 1, message: message.split('\n')[0]! };
}
