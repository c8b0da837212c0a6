/**
 * The validators compiled from schemas/*.schema.json by build.mjs (ajv
 * standalone code): no schema compilation at run time, so checking starts fast.
 */
import * as generated from '../../generated/validators';
import type { ValidateFunction } from 'ajv';
import type { FileKind } from '../plan/model';

const byKind: Record<FileKind, ValidateFunction> = {
  Plan: generated.plan,
  Tasks: generated.tasks,
  Projects: generated.projects,
  Indicators: generated.indicators,
  Progress: generated.progress,
};

/** The validator for a file: its kind's, or the dispatching one when the kind is missing or unknown. */
export function validatorFor(kind: FileKind | undefined): ValidateFunction {
  return kind ? byKind[kind] : generated.pilotPlan;
}
