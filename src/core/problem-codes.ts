// Every problem code the tool reports, once: the code is permanent (scripts rely on it), and its
// line here is the line of docs/problems.md (a test checks the doc against this table, and one
// test per code makes a folder that produces it).
export const PROBLEM_CODES = {
  'yaml-syntax': 'the file is not valid YAML: an unclosed `[` or `{`, a tab used for indentation, text with `: ` in it that needs quotes, bad indentation',
  'duplicate-key': 'a field appears twice in one record',
  'yaml-aliases': 'the file uses more YAML aliases (`*name`) than a record could need (the "billion laughs" attack)',
  'binary-file': 'the file holds binary data (a picture, a document)',
  'not-utf8': 'the file is not UTF-8 text (saved as Latin-1 or Windows-1252)',
  'file-too-large': 'the file is over 1 MB; a record is a few kilobytes',
  'line-endings': 'the file ends its lines with a lone carriage return (an old Mac format), or mixes Windows and Unix line endings',
  'byte-order-mark': 'the file starts with more than one byte-order mark (an editor saved it twice as UTF-8 with BOM)',
  symlink: 'a record file or folder is a symbolic link; the tool reads only plain files inside the programme folder',
  'special-file': 'something in a record folder is not a plain file (a pipe, a device, a socket)',
  'merge-conflict': 'the file still has the markers of an unresolved git merge conflict (`<<<<<<<`, `=======`, `>>>>>>>`)',
  'empty-file': 'the file is empty',
  'not-a-record': 'the file holds a list or a single value instead of `field: value` lines',
  'unknown-field': 'a field the format does not have, usually a typo; the hint suggests the closest field',
  'missing-field': 'a required field is missing (`name`, `mentor`, `status`, `started` for an active match, `closure` for a closed one ...)',
  'empty-value': 'a field is there but has no value',
  'invalid-value': 'a value of the wrong kind: text where a number belongs, a date that does not exist, a status that is not one of the allowed ones',
  'stray-file':
    'a file or folder the programme does not use, inside a record folder or looking like one (`mentor/` for `mentors/`); also a file name that cannot be an id',
  'unreadable-file': 'the file exists but could not be read (permissions)',
  'duplicate-id': 'a mentor and a mentee have the same id (file name)',
  'unknown-person': 'a match, exclusion or `not_with` names an id that is not a mentor or mentee',
  'mentee-in-two-matches': 'a mentee is in more than one open match',
  'over-capacity': 'a mentor is in more open matches than their capacity',
  'excluded-pair': 'an open match pairs people who must not be matched',
  'date-order': 'dates in an impossible order (a first meeting before the match started ...)',
  'status-mismatch': 'the status contradicts the record (a closure on an active match ...)',
  'unknown-onboarding-step': 'an onboarding step that looks like a misspelling of a required one',
  'unknown-rule': '`overdue:` in programme.yaml names a rule that does not exist',
  'rule-required': '`overdue:` tries to turn off `concern-open`, which cannot be turned off',
  'placeholder-contact': "the coordinator's or safeguarding lead's contact details are still the placeholders `mentor-coord init` wrote",
  'criterion-fields': 'a matching criterion does not say which attributes it compares',
  'criterion-weight': 'a matching criterion has neither a weight nor `required: true`',
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** The table of docs/problems.md, made from the catalogue. */
export function problemTable(): string {
  const rows = Object.entries(PROBLEM_CODES).map(([code, what]) => `| \`${code}\` | ${what} |`);
  return ['| code | what is wrong |', '|---|---|', ...rows].join('\n');
}
