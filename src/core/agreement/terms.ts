// A match's agreement terms: the programme's defaults, overridden field by field by the match's
// own. The one place that merges them (the meeting-gap rule and the agreement document use it).
import type { AgreementTerms, Match, Programme } from '../schema/index.js';

export function effectiveTerms(match: Match, settings: Programme): AgreementTerms {
  const own = match.agreement?.terms ?? {};
  const defined = Object.fromEntries(Object.entries(own).filter(([, value]) => value !== undefined));
  return { ...settings.agreement.terms, ...defined } as AgreementTerms;
}
