/**
 * Which files a check reports, widened by plan. A plan's configuration given
 * as a path stands for the plan it configures: its severities apply to every
 * file of that plan. With --whole-plans, every file given stands for its whole
 * plan: an ID renamed in one file breaks references in files not given (a
 * pre-commit hook is given only the files a commit changed).
 */
import * as nodePath from 'node:path';
import type { FileResult } from '../engine/checker';
import { defineMessages, msg } from '../engine/i18n/messages';
import { CONFIG_FILE_NAME } from '../engine/plan/config';
import type { Workspace } from '../engine/plan/workspace';
import { LineIndex } from '../engine/text/line-index';

defineMessages({
  'not-in-plan.config': {
    en: 'This configuration belongs to no plan: its folder holds no `kind: Plan` file, and a `pilot-plan.config.yaml` applies only to the plan whose Plan file is beside it. Move it into the plan folder, next to the Plan file.',
    zh: '该配置文件不属于任何方案：其所在目录中没有 `kind: Plan` 文件，而 `pilot-plan.config.yaml` 只对与之同目录的 Plan 文件所在的方案生效。请将其移到方案目录中，与 Plan 文件放在一起。',
  },
});

export interface PlanScope {
  /** The pilot plan files to check and report. */
  files: string[];
  /** Configurations given as paths whose folder is no plan's: no plan reads them. */
  strayConfigs: string[];
}

export function isConfigPath(path: string): boolean {
  return nodePath.basename(path) === CONFIG_FILE_NAME;
}

export function scopeToPlans(ws: Workspace, given: string[], wholePlans: boolean): PlanScope {
  const files = new Set<string>();
  const strayConfigs: string[] = [];
  // Each plan once: with --whole-plans every file of a folder given names the same plan.
  const added = new Set<string>();
  const addPlan = (root: string) => {
    if (added.has(root)) return;
    added.add(root);
    for (const m of ws.planMembers(root)) files.add(m);
  };
  for (const f of given) {
    if (isConfigPath(f)) {
      // The engine reads a plan's configuration from its root only (Workspace.config).
      const root = nodePath.dirname(f);
      if (ws.planFilesIn(root).length) addPlan(root);
      else strayConfigs.push(f);
      continue;
    }
    if (wholePlans) {
      const root = ws.planRootOf(f);
      if (root) addPlan(root);
    }
    files.add(f); // also when not a member: a file under a skipped folder, given by name
  }
  return { files: [...files], strayConfigs };
}

/** A configuration no plan reads: one `not-in-plan` info at its start, like a pilot file under no plan. */
export function strayConfigResult(ws: Workspace, path: string): FileResult | undefined {
  const content = ws.host.read(path);
  if (!content) return undefined;
  const text = content.text ?? Buffer.from(content.bytes ?? []).toString('utf8');
  return {
    path,
    findings: [{ code: 'not-in-plan', severity: 'info', file: path, span: { start: 0, end: 0 }, message: msg('not-in-plan.config') }],
    lines: new LineIndex(text),
    text,
  };
}
