import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT, UserError } from '../../errors.js';
import { assertProgrammeFolder } from '../../store/scan.js';
import { packageFile } from '../../store/package-files.js';
import { defineCommand, option } from '../command.js';
import { shellQuote } from '../flags.js';

/**
 * Cron runs jobs with almost no environment: no PATH beyond /usr/bin:/bin, no npx, no nvm. So the
 * line names node and the tool by their absolute paths, and a failed `git pull` still lets the
 * report go out, headed by a line that says the folder could not be updated.
 */
export const command = defineCommand({
  name: 'cron',
  description: 'print the crontab lines that mail the morning report (add them with crontab -e)',
  options: {
    mail: option.value('--mail <address>', 'who gets the report (MAILTO); default: the user cron runs as'),
    at: option.withDefault('--at <HH:MM>', 'the time on weekdays', '07:00'),
    pull: option.flag('--no-pull', 'do not `git pull` the folder first'),
  },
  async run(ctx, _args, flags) {
    const dir = realpathSync(resolve(ctx.dir));
    assertProgrammeFolder(dir, ctx.dir);
    const at = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(flags.at);
    if (!at) throw new UserError(`--at "${flags.at}" is not a time`, 'Give a 24-hour time such as 07:00.');
    const tool = `${shellQuote(process.execPath)} ${shellQuote(packageFile('bin', 'mentor-coord.js'))}`;
    const pull =
      flags.pull === false
        ? ''
        : '{ git pull -q || echo "mentor-coord: this folder could not be updated from git; the report below is from the copy on this machine."; } ; ';
    ctx.stdout(
      [
        '# The morning report of mentor-coord, on weekdays: mailed only when something is overdue',
        '# (or when the folder could not be updated). Add these lines with: crontab -e',
        ...(flags.mail ? [`MAILTO=${flags.mail}`] : []),
        `${Number(at[2])} ${Number(at[1])} * * 1-5  cd ${shellQuote(dir)} && ${pull}${tool} overdue --quiet --format text`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
});
