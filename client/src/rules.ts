/**
 * The rule catalogue as the client shows it (the `pilotPlan.openRuleDoc` pick list): the
 * registry's, generated into the client at build time (scripts/client-tables.ts).
 */
import { RULES } from './generated/tables';

export { RULES };
export type RuleInfo = (typeof RULES)[number];

export function isRuleCode(code: unknown): code is string {
  return typeof code === 'string' && RULES.some((r) => r.code === code);
}
