/** The plan's Progress reports as the editor features read them: a file broken by the edit in progress is read from its last good version. */
import { planProgress, type PlanProgress } from '../plan/progress';
import type { FileModel } from '../plan/model';
import type { EditorPlan } from './context';

export function progressOf(plan: EditorPlan): PlanProgress {
  const models: FileModel[] = [];
  for (const m of plan.index.files) models.push(m.parsed.syntax.length ? (plan.lastGood(m.path) ?? m) : m);
  return planProgress(models);
}
