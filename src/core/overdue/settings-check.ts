// The overdue feature's own check of programme.yaml: rules named under overdue: exist, and the
// one rule that protects safeguarding is not turned off. Registered in core/checks/index.ts.
import type { CrossCheck } from '../checks/types.js';
import { PROGRAMME_FILE } from '../schema/plain.js';
import { problem, type Problem } from '../problems.js';
import { didYouMean } from '../suggest.js';
import { RULE_IDS } from './ids.js';

export const overdueSettings: CrossCheck = {
  id: 'overdue-settings',
  description: 'overdue: in programme.yaml names rules that exist, and never turns off concern-open',
  run(model, { settingsLoaded }) {
    if (!settingsLoaded) return [];
    const out: Problem[] = [];
    for (const [rule, settings] of Object.entries(model.settings.overdue)) {
      if (!(RULE_IDS as readonly string[]).includes(rule)) {
        out.push(
          problem(
            PROGRAMME_FILE,
            'unknown-rule',
            `overdue: there is no rule "${rule}"`,
            `${didYouMean(rule, RULE_IDS).trim() || 'Check the spelling.'} The rules are: ${RULE_IDS.join(', ')}.`,
            { path: ['overdue', rule], atKey: true },
          ),
        );
      } else if (rule === 'concern-open' && settings.enabled === false) {
        out.push(
          problem(
            PROGRAMME_FILE,
            'rule-required',
            'the concern-open rule cannot be turned off',
            'Open concerns (above all safeguarding concerns) always appear until their follow-up is recorded. Remove "enabled: false".',
            { path: ['overdue', rule, 'enabled'] },
          ),
        );
      }
    }
    return out;
  },
};
