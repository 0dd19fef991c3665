// The binary's entry point: the real process as the IO, and the exit code it returns.
import { processIO } from './io.js';
import { main } from './program.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `mentor-coord overdue | head`: the reader went away; that is not our failure.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv, processIO()).then((code) => {
  process.exitCode = code;
});
