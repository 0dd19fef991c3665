// `agreement`: the built-in template for several matches, strict templates, the PDF read back by an
// independent reader (pdfjs), safe file names, and signatures that clear the overdue item.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { safeName } from '../../src/cli/commands/agreement-write.js';
import { DEFAULT_BOUNDARIES } from '../../src/core/schema/index.js';
import { programmeCopy } from '../fixtures/programme.js';
import { cli, EXAMPLE_TODAY, mc, tempDir } from '../helpers.js';

const at = { env: { MENTOR_COORD_TODAY: EXAMPLE_TODAY } };
const SECTIONS = [
  '## Who is involved',
  '## Meeting',
  '## Keeping in touch',
  '## What the mentoring focuses on',
  '## Boundaries',
  '## Support',
  '## Changes, reviews and the end',
  '## Signatures',
];

async function pdfText(path: string): Promise<{ pages: number; text: string }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((x) => ('str' in x ? x.str + (x.hasEOL ? '\n' : '') : '')).join('')}\n`;
  }
  return { pages: doc.numPages, text: text.replace(/\s+/g, ' ') };
}

describe('agreement', () => {
  it('writes every section and boundary for a plain match, one with its own terms, and one with a guardian', async () => {
    const p = programmeCopy();
    const run = await mc(['agreement', '2026-11-bea-santos', '2026-08-ximena-flores', '2026-09-nguyen-thi-ha', '--format', 'md', '--dir', p.dir], at);
    expect(run.code, run.stderr).toBe(0);
    for (const id of ['2026-11-bea-santos', '2026-08-ximena-flores', '2026-09-nguyen-thi-ha']) {
      const text = p.read(`agreements/${id}.md`);
      for (const section of SECTIONS) expect(text, `${id}: ${section}`).toContain(section);
      for (const boundary of DEFAULT_BOUNDARIES) expect(text.replace(/\s+/g, ' ')).toContain(boundary.replace(/\s+/g, ' ').slice(0, 60));
      expect(text).not.toContain('{{');
      expect(statSync(p.path(`agreements/${id}.md`)).mode & 0o777).toBe(0o600);
    }
    const ximena = p.read('agreements/2026-08-ximena-flores.md');
    expect(ximena).toContain('How often: every 2 weeks, 20 sessions in all.');
    expect(ximena).toContain('about 45 minutes each time');
    expect(ximena).toContain("Online, on the programme's video account");
    const ha = p.read('agreements/2026-09-nguyen-thi-ha.md');
    expect(ha).toContain('## Consent of a parent or carer');
    expect(p.read('agreements/2026-11-bea-santos.md')).not.toContain('Consent of a parent');
    expect(ha).toContain('You first met on 14 September 2026.');
  });

  it('writes a PDF that an independent reader reads back: every accent, the frequency in words, the signature block, page numbers', async () => {
    const p = programmeCopy();
    expect((await mc(['agreement', '2026-09-nguyen-thi-ha', '--format', 'pdf', '--dir', p.dir], at)).code).toBe(0);
    const { pages, text } = await pdfText(p.path('agreements/2026-09-nguyen-thi-ha.pdf'));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
    for (const name of ['Nguyễn Thị Hà', 'Aoife Ní Bhriain', 'Riverside Mentoring']) expect(text).toContain(name);
    expect(text).toContain('every month');
    expect(text).toContain('Signature: ______');
    expect(text).toContain(`Page 1 of ${pages}`);
  });

  it('keeps every name intact in the PDF, whatever its script', async () => {
    const p = programmeCopy();
    p.replace('mentors/siobhan-o-ceallaigh.yaml', /^name: .*$/m, 'name: "Zoë Ångström-Łukasz Wróbel"');
    p.replace('mentees/bea-santos.yaml', /^name: .*$/m, 'name: "Oluwaseun Adébáyọ̀ Анна Петрова"');
    expect((await mc(['agreement', '2026-11-bea-santos', '--format', 'pdf', '--dir', p.dir], at)).code).toBe(0);
    const { text } = await pdfText(p.path('agreements/2026-11-bea-santos.pdf'));
    for (const name of ['Zoë Ångström-Łukasz Wróbel', 'Oluwaseun Adébáyọ̀ Анна Петрова']) expect(text.normalize('NFC')).toContain(name.normalize('NFC'));
  });

  it('makes a safe file name of any id', () => {
    expect(safeName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeName('a b/ç')).toBe('a-b-c');
    expect(safeName('...')).toBe('agreement');
  });

  it('keeps a name with Markdown characters literal', async () => {
    const p = programmeCopy();
    p.replace('mentees/bea-santos.yaml', 'name: Bea Santos', 'name: "Bea *Star* Santos_#1"');
    expect((await mc(['agreement', '2026-11-bea-santos', '--format', 'md', '--dir', p.dir], at)).code).toBe(0);
    expect(p.read('agreements/2026-11-bea-santos.md')).toContain('Bea \\*Star\\* Santos\\_\\#1');
  });

  it("uses the programme's own template, and refuses a missing value or a syntax error with the line, writing nothing", async () => {
    const p = programmeCopy();
    p.write(
      'templates/agreement.md.hbs',
      '# {{programme.name}}\n\nBetween {{mentor.name}} and {{mentee.name}}, from {{date iso.first_meeting "EEEE d MMMM"}}.\n',
    );
    expect((await mc(['agreement', '2026-11-bea-santos', '--format', 'md', '--dir', p.dir], at)).code).toBe(0);
    expect(p.read('agreements/2026-11-bea-santos.md')).toBe(
      '# Riverside Mentoring\n\nBetween Siobhán Ó Ceallaigh and Bea Santos, from Wednesday 18 November.\n',
    );
    p.write('templates/agreement.md.hbs', '# Agreement\n\nBetween {{mentor.name}}\nand {{mentee.nickname}}.\n');
    const missing = await mc(['agreement', '2026-09-nguyen-thi-ha', '--dir', p.dir], at);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('templates/agreement.md.hbs:4:');
    expect(missing.stderr).toContain('"nickname" is not a value a template can use');
    p.write('templates/agreement.md.hbs', '# Agreement\n\n{{#if mentor.name}}\nunclosed\n');
    const broken = await mc(['agreement', '2026-09-nguyen-thi-ha', '--dir', p.dir], at);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/templates\/agreement\.md\.hbs:\d+:\d+: the template does not parse/);
    expect(existsSync(p.path('agreements/2026-09-nguyen-thi-ha.md'))).toBe(false);
  });

  it('--all writes every open match not yet signed by both, and only inside --out', async () => {
    const p = programmeCopy();
    const out = join(tempDir(), 'out dir ü');
    const run = await mc(['agreement', '--all', '--format', 'md', '--out', out, '--json', '--dir', p.dir], at);
    expect(run.code).toBe(0);
    const written = (JSON.parse(run.stdout) as { written: string[] }).written;
    expect(written.length).toBeGreaterThan(3);
    for (const file of written) expect(file.startsWith(out)).toBe(true);
    expect(readdirSync(out).sort()).toEqual(written.map((f) => f.slice(out.length + 1)).sort());
    expect(readdirSync(out)).not.toContain('2026-11-bea-santos.md'); // signed by both
    const escape = await mc(['agreement', '../../etc/passwd', '--out', out, '--dir', p.dir], at);
    expect(escape.code).toBe(2);
  });

  it('sign records signatures, clears agreement-unsigned, keeps comments, and refuses impossible dates', () => {
    const p = programmeCopy();
    const item = () =>
      (JSON.parse(cli(['overdue', '--json', '--rule', 'agreement-unsigned', '--dir', p.dir], at).stdout) as { items: { match: string }[] }).items.some(
        (i) => i.match === '2026-10-wiktor-nowak',
      );
    expect(item()).toBe(true);
    const before = p.read('matches/2026-10-wiktor-nowak.yaml');
    expect(cli(['agreement', 'sign', '2026-10-wiktor-nowak', '--mentor', '2026-11-20', '--mentee', '--dir', p.dir], at).code).toBe(0);
    expect(parse(p.read('matches/2026-10-wiktor-nowak.yaml')).agreement.signed).toMatchObject({ mentor: '2026-11-20', mentee: '2026-11-23' });
    expect(
      p
        .read('matches/2026-10-wiktor-nowak.yaml')
        .split('\n')
        .filter((l) => l.startsWith('#')),
    ).toEqual(before.split('\n').filter((l) => l.startsWith('#')));
    expect(item()).toBe(false);
    expect(cli(['validate', '--dir', p.dir], at).code).toBe(0);
    expect(cli(['agreement', 'sign', '2026-10-wiktor-nowak', '--coordinator', '2026-12-01', '--dir', p.dir], at).stderr).toContain('is in the future');
    expect(cli(['agreement', 'sign', '2026-10-wiktor-nowak', '--coordinator', '2026-01-01', '--dir', p.dir], at).stderr).toContain('before the first meeting');
    expect(cli(['agreement', 'sign', '2026-10-wiktor-nowak', '--guardian', '--dir', p.dir], at).stderr).toContain('names no guardian');
  });
});
