import { callSheet } from '../../core/checkin/index.js';
import { isIsoDate } from '../../core/dates.js';
import { publicProblem } from '../../core/problems.js';
import { EXIT } from '../../errors.js';
import { renderSheet, renderSheetMarkdown } from '../../render/calls.js';
import { loadProgrammeLazily } from '../../store/load-lazy.js';
import { defineCommand, formatOption, option, outputFormat } from '../command.js';
import { dateOption } from '../flags.js';

const FORMATS = ['table', 'markdown', 'json'] as const;

export const command = defineCommand({
  name: 'checkin sheet',
  description: 'the calls due on a day, overdue first, with phone numbers, what was agreed last time and the questions to ask',
  options: {
    on: option.value('--on <date>', 'the day (default: today)'),
    format: formatOption('table, markdown (to print) or json', 'table'),
  },
  async run(ctx, _args, flags) {
    const on = dateOption('--on', flags.on, ctx.today, isIsoDate);
    const format = outputFormat(ctx, flags.format, FORMATS, 'table');
    const loaded = await loadProgrammeLazily(ctx.dir, { cache: ctx.cache });
    const entries = callSheet(loaded.model, on);
    if (loaded.problems.length > 0) {
      ctx.stderr(
        `mentor-coord: ${loaded.problems.length} problem(s) in the programme folder; calls in files that could not be read are missing. Run mentor-coord validate.\n`,
      );
    }
    if (format === 'json') ctx.stdout(`${JSON.stringify({ on, calls: entries, problems: loaded.problems.map(publicProblem) }, null, 2)}\n`);
    else if (format === 'markdown') ctx.stdout(renderSheetMarkdown(loaded.model.settings.name, on, entries));
    else ctx.stdout(renderSheet(loaded.model.settings.name, on, entries, ctx.chalk));
    return loaded.problems.length > 0 ? EXIT.usage : EXIT.ok;
  },
});
