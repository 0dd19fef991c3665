import { mkdirSync, realpathSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { agreementData } from '../../core/agreement/context.js';
import { isOpen } from '../../core/lifecycle/status.js';
import type { Loaded } from '../../core/model.js';
import type { Match } from '../../core/schema/index.js';
import { EXIT, UserError } from '../../errors.js';
import { findMatch } from '../../ops/workflow.js';
import { renderAgreement } from '../../render/agreement.js';
import { loadProgrammeLazily } from '../../store/load-lazy.js';
import { packageFile } from '../../store/package-files.js';
import { readPlainFile, writeBatch, type BatchEntry } from '../../store/write.js';
import { defineCommand, oneOf, option } from '../command.js';

export const command = defineCommand({
  name: 'agreement write',
  writes: true,
  description: "the mentoring agreement of a match as Markdown and PDF, from the programme's template (or the built-in one)",
  arguments: [{ name: '[match...]', description: 'the match ids (file names in matches/)' }],
  options: {
    all: option.flag('--all', 'every open match whose agreement is not yet signed by both'),
    format: option.withDefault('--format <format>', 'md, pdf or both', 'both'),
    out: option.value('--out <folder>', 'where to write them (default: agreements/ in the programme folder)'),
    paper: option.withDefault('--paper <size>', 'a4 or letter', 'a4'),
    template: option.value('--template <file>', 'a Handlebars template to use instead of templates/agreement.md.hbs'),
  },
  async run(ctx, args, flags): Promise<number> {
    const format = oneOf('--format', flags.format, ['md', 'pdf', 'both'] as const);
    const paper = oneOf('--paper', flags.paper, ['a4', 'letter'] as const);
    const loaded = await loadProgrammeLazily(ctx.dir, { cache: ctx.cache });
    const { model } = loaded;
    let matches: Loaded<Match>[];
    if (flags.all) {
      matches = [...model.matches.values()].filter((m) => isOpen(m.data) && !(m.data.agreement?.signed?.mentor && m.data.agreement?.signed?.mentee));
    } else {
      if (args.length === 0) throw new UserError('say which match', 'Give one or more match ids, or --all for every open match not yet signed by both.');
      matches = args.map((id) => findMatch(ctx, loaded, id));
    }
    // The template: --template, else the programme's own, else the built-in one.
    const own = join(loaded.dir, 'templates', 'agreement.md.hbs');
    const templatePath = flags.template ? resolve(flags.template) : existsPlain(own) ? own : packageFile('templates', 'agreement.md.hbs');
    const shown = flags.template ?? (templatePath === own ? 'templates/agreement.md.hbs' : 'the built-in template');
    const template = readPlainFile(templatePath, shown).bytes.toString('utf8');

    // Everything is rendered before anything is written: one bad template writes nothing.
    const out = resolve(flags.out ?? join(loaded.dir, 'agreements'));
    const outputs: BatchEntry[] = [];
    const pdf = format !== 'md' ? await import('../../render/agreement-pdf.js') : undefined;
    const font = model.settings.agreement.font ? resolve(loaded.dir, model.settings.agreement.font) : undefined;
    for (const match of matches) {
      const rendered = renderAgreement(template, agreementData(model, match, ctx.today));
      if (!rendered.ok) {
        throw new UserError(
          `${shown}:${rendered.line}:${rendered.col}: ${rendered.message}`,
          'Fix the template; nothing was written. docs/agreement.md lists the values and helpers a template can use.',
        );
      }
      const name = safeName(match.id);
      if (format !== 'pdf') outputs.push({ path: inside(out, `${name}.md`), text: rendered.text, shownAs: `${name}.md`, mode: 0o600 });
      if (pdf) {
        const bytes = await pdf.renderAgreementPdf(rendered.text, { header: model.settings.name, paper, ...(font ? { font } : {}) });
        outputs.push({ path: inside(out, `${name}.pdf`), text: bytes, shownAs: `${name}.pdf`, mode: 0o600 });
      }
    }
    mkdirSync(out, { recursive: true, mode: 0o700 });
    writeBatch(outputs);
    const shownPath = (p: string) => (relative(loaded.dir, p).startsWith('..') ? p : relative(loaded.dir, p));
    const written = outputs.map((o) => shownPath(o.path));
    if (ctx.json) ctx.stdout(`${JSON.stringify({ written: outputs.map((o) => o.path) }, null, 2)}\n`);
    else for (const file of written) ctx.stderr(`wrote ${file}\n`);
    if (matches.length === 0) ctx.stderr('No agreement to write: every open match is signed by both.\n');
    return EXIT.ok;
  },
});

/** A file name from an id: letters, digits, hyphens and dots only, never a path. */
export function safeName(id: string): string {
  const cleaned = id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '');
  return cleaned.slice(0, 100) || 'agreement';
}

/** The path of a file in a folder, refused if it would land anywhere else. */
function inside(folder: string, name: string): string {
  const path = join(folder, basename(name));
  const rel = relative(folder, path);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UserError(`${name} would be written outside ${folder}`, 'Nothing was written.');
  return path;
}

function existsPlain(path: string): boolean {
  try {
    realpathSync(path);
    return true;
  } catch {
    return false;
  }
}
