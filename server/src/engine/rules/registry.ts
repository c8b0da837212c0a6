/** Every rule, in the order of the rule catalogue (docs/format.md#rule-catalogue). */
import type { Rule } from './rule';
import { yamlSyntax } from './yaml-syntax';
import { schema } from './schema';
import { apiVersion } from './api-version';
import { duplicateId } from './duplicate-id';
import { duplicatePlan } from './duplicate-plan';
import { unresolvedReference } from './unresolved-reference';
import { referenceKind } from './reference-kind';
import { dependencyCycle } from './dependency-cycle';
import { targetDirection } from './target-direction';
import { valueRange } from './value-range';
import { unitMismatch } from './unit-mismatch';
import { yearRange } from './year-range';
import { orphan } from './orphan';
import { investmentTotal } from './investment-total';
import { peakYear } from './peak-year';
import { peakPath } from './peak-path';
import { structureSum } from './structure-sum';
import { placeholder } from './placeholder';
import { nationalTarget } from './national-target';
import { milestoneYear } from './milestone-year';
import { notInPlan } from './not-in-plan';
import { pilotList } from './pilot-list';
import { progressYear } from './progress-year';
import { indicatorBehind } from './indicator-behind';
import { progressInvestment } from './progress-investment';
import { taskStatusTiming } from './task-status-timing';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  apiVersion,
  duplicateId,
  duplicatePlan,
  unresolvedReference,
  referenceKind,
  dependencyCycle,
  targetDirection,
  valueRange,
  unitMismatch,
  yearRange,
  structureSum,
  progressYear,
  orphan,
  investmentTotal,
  peakYear,
  peakPath,
  placeholder,
  indicatorBehind,
  progressInvestment,
  nationalTarget,
  milestoneYear,
  taskStatusTiming,
  notInPlan,
  pilotList,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}
