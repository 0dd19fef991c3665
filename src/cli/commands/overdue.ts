import { parsePeriod } from '../../core/dates.js';
import { groupItems, overdueReport, type GroupBy } from '../../core/overdue/engine.js';
import { RULE_IDS, type RuleId } from '../../core/overdue/ids.js';
import { SEVERITIES, type Severity } from '../../core/overdue/types.js';
import { didYouMean } from '../../core/suggest.js';
import { EXIT, UserError } from '../../errors.js';
import { jsonChunks, markdownChunks, renderCsv, tableChunks, textChunks } from '../../render/overdue.js';
import { loadProgrammeLazily } from '../../store/load-lazy.js';
import { CacheDamaged } from '../../store/cache.js';
import type { ProgrammeModel } from '../../core/model.js';
import { defineCommand, formatOption, oneOf, option, outputFormat } from '../command.js';
import { writeChunks } from '../output.js';

const FORMATS = ['table', 'markdown', 'text', 'csv', 'json'] as const;
const GROUPS: GroupBy[] = ['rule', 'person', 'match'];

export const command = defineCommand({
  name: 'overdue',
  description: 'the morning report: who and what is overdue, most overdue first, with what to do',
  options: {
    by: option.withDefault('--by <grouping>', 'group by rule, person or match', 'rule'),
    format: formatOption('table, text (plain, for a cron mail), markdown (for email), csv or json', 'table'),
    quiet: option.flag('--quiet', 'print nothing at all when nothing is overdue (for cron)'),
    exitCode: option.flag('--exit-code', 'exit 1 when anything is overdue'),
    rule: option.list('--rule <id...>', `only these rules (${RULE_IDS.join(', ')})`),
    severity: option.value('--severity <level>', 'only items of at least this severity: high, medium or low'),
    match: option.value('--match <id>', 'only items about this match'),
    person: option.value('--person <id>', 'only items about this person'),
    within: option.value('--within <period>', 'also list what falls due within this period (7d, 2w), marked as coming up'),
    includeConcernText: option.flag('--include-concern-text', "show a concern's own words in text and markdown (left out by default: those go by mail)"),
  },
  helpAfter:
    '\nSafeguarding concerns are always shown: only --rule can leave them out. With --match or --person, those about other matches are one line (how many, and how to see them).',
  async run(ctx, _args, flags) {
    const format = outputFormat(ctx, flags.format, FORMATS, 'table');
    const by = oneOf('--by', flags.by, GROUPS);
    const rules = flags.rule?.flatMap((r) => r.split(',')).map((r) => oneOf('--rule', r.trim(), RULE_IDS) as RuleId);
    const severity = flags.severity === undefined ? undefined : (oneOf('--severity', flags.severity, SEVERITIES) as Severity);
    if (flags.within !== undefined && parsePeriod(flags.within) === undefined) {
      throw new UserError(`--within "${flags.within}" is not a period`, 'Write it as a number and d, w, m or y: --within 7d.');
    }

    // On demand: the rules use each match's digest, and read its lists only for the few that
    // have had a concern (src/core/match-digest.ts).
    let loaded = await loadProgrammeLazily(ctx.dir, { cache: ctx.cache, onDemand: true });
    if (flags.match !== undefined && !loaded.model.matches.has(flags.match)) {
      throw new UserError(
        `there is no match "${flags.match}"`,
        `Give a file name from matches/ without .yaml.${didYouMean(flags.match, loaded.model.matches.keys())}`,
      );
    }
    if (flags.person !== undefined && !loaded.model.mentors.has(flags.person) && !loaded.model.mentees.has(flags.person)) {
      throw new UserError(
        `there is no mentor or mentee "${flags.person}"`,
        `Give a file name from mentors/ or mentees/ without .yaml.${didYouMean(flags.person, [...loaded.model.mentors.keys(), ...loaded.model.mentees.keys()])}`,
      );
    }
    const report = (model: ProgrammeModel) => {
      const made = overdueReport(model, {
        today: ctx.today,
        ...(rules ? { rules } : {}),
        ...(severity ? { severity } : {}),
        ...(flags.match ? { match: flags.match } : {}),
        ...(flags.person ? { person: flags.person } : {}),
        ...(flags.within ? { within: flags.within } : {}),
      });
      return { ...made, groups: groupItems(model, made.items, by) };
    };
    let made: ReturnType<typeof report>;
    try {
      made = report(loaded.model);
    } catch (error) {
      // A cached match that proves damaged only when its concerns are read: the report (which may
      // hold a safeguarding concern) is made from the files themselves instead, never not at all.
      if (!(error instanceof CacheDamaged)) throw error;
      ctx.stderr(`mentor-coord: warning: ${error.message}; the report is made from the files themselves\n`);
      loaded = await loadProgrammeLazily(ctx.dir, { cache: false });
      made = report(loaded.model);
    }
    const { model, problems } = loaded;

    const { items, safeguardingElsewhere, groups } = made;
    const overdue = items.filter((i) => !i.upcoming);
    const code = problems.length > 0 ? EXIT.usage : flags.exitCode && overdue.length > 0 ? EXIT.findings : EXIT.ok;
    // For cron: nothing at all when nothing is overdue (what is merely coming up is no reason to mail).
    if (flags.quiet && overdue.length === 0 && safeguardingElsewhere === 0 && problems.length === 0) return code;

    const input = {
      programme: model.settings.name,
      today: ctx.today,
      items,
      groups,
      problems,
      safeguardingElsewhere,
      includeConcernText: flags.includeConcernText === true,
      by,
    };
    switch (format) {
      case 'json':
        await writeChunks(ctx, jsonChunks(input));
        break;
      case 'csv':
        if (problems.length > 0)
          ctx.stderr(
            `mentor-coord: ${problems.length} problem(s) in the programme folder; the report leaves out what could not be read. Run mentor-coord validate.\n`,
          );
        ctx.stdout(renderCsv(input));
        break;
      case 'markdown':
        await writeChunks(ctx, markdownChunks(input));
        break;
      case 'text':
        await writeChunks(ctx, textChunks(input));
        break;
      default:
        await writeChunks(ctx, tableChunks(input, ctx.chalk, ctx.columns ?? 110));
    }
    return code;
  },
});
