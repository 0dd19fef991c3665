import type { ProgrammeModel } from '../model.js';
import type { Problem } from '../problems.js';

/** What a check may need besides the records that loaded. */
export interface CheckInput {
  /** Ids whose files exist but did not load: not reported again as missing people. */
  unreadable: Set<string>;
  /** False when programme.yaml did not load and the settings are the defaults. */
  settingsLoaded: boolean;
  /** Files whose records are only partial (some fields invalid): a check must not trust what is missing. */
  partialFiles: Set<string>;
}

/** A check across files: the model in, problems (with paths, located later) out. */
export interface CrossCheck {
  id: string;
  /** One line on what it looks for, for the docs. */
  description: string;
  /** Runs on the valid part of records that failed their schema too. */
  partial?: boolean;
  run(model: ProgrammeModel, input: CheckInput): Problem[];
}
