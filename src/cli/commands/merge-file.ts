// git's merge driver for records: `mentor-coord merge-file %O %A %B %P`. The result goes into the
// second file (ours), as git expects; exit 0 when merged, 1 when a real conflict remains.
import { readFileSync, writeFileSync } from 'node:fs';
import { mergeRecord } from '../../core/merge/records.js';
import { EXIT, UserError } from '../../errors.js';
import { defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'merge-file',
  description: 'merge two versions of a record (what git calls with mentor-coord as its merge driver; see mentor-coord git setup)',
  arguments: [
    { name: '<base>', description: 'the common ancestor (%O)' },
    { name: '<ours>', description: 'our version, where the result is written (%A)' },
    { name: '<theirs>', description: 'their version (%B)' },
    { name: '[path]', description: 'the file being merged (%P), for messages' },
  ],
  options: {},
  programme: false,
  async run(ctx, args) {
    const [basePath, oursPath, theirsPath, shown = oursPath] = args as [string, string, string, string?];
    const read = (p: string) => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        throw new UserError(`cannot read ${p}`, 'merge-file is called by git with three files; see mentor-coord git setup.');
      }
    };
    const result = mergeRecord(read(basePath), read(oursPath), read(theirsPath), { ours: 'ours (this copy)', theirs: 'theirs (the other copy)' });
    if (!result.ok) {
      ctx.stderr(`mentor-coord merge-file: ${shown}: ${result.message}; left for git to merge line by line.\n`);
      return EXIT.findings;
    }
    writeFileSync(oursPath, result.text);
    if (result.conflicts.length > 0) {
      ctx.stderr(
        `mentor-coord merge-file: ${shown}: ${result.conflicts.length} field(s) changed differently on both sides: ${result.conflicts.map((c) => c.path.join('.')).join(', ')}. Both values are in the file between the markers; mentor-coord validate shows where.\n`,
      );
      return EXIT.findings;
    }
    return EXIT.ok;
  },
});
