/**
 * The engine's front door for whole-file checking (CLI, tests, workspace
 * checks in the editor): given files, find their plans, index each plan once,
 * run the rules, and return the findings of the files asked for.
 */
import * as nodePath from 'node:path';
import type { Finding } from './findings';
import type { FileModel } from './plan/model';
import { CONFIG_FILE_NAME } from './plan/config';
import type { PlanIndex } from './plan/plan-index';
import type { Workspace } from './plan/workspace';
import { checkPlan, type RuleErrorHandler, type RuleTimes } from './run-rules';
import { LineIndex } from './text/line-index';

export interface FileResult {
  path: string;
  findings: Finding[];
  /** The text the findings' offsets point into. */
  lines: LineIndex;
  text: string;
}

export interface PlanGroup {
  root: string | undefined;
  files: string[];
}

/** Groups files by the plan they belong to, in the order first seen. */
export function groupByPlan(ws: Workspace, files: string[]): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  const out: PlanGroup[] = [];
  for (const f of files) {
    const root = ws.planRootOf(f);
    const key = root ?? `\0${f}`; // every loose file is a plan of its own
    let g = groups.get(key);
    if (!g) {
      g = { root, files: [] };
      groups.set(key, g);
      out.push(g);
    }
    g.files.push(f);
  }
  return out;
}

export function checkFiles(ws: Workspace, files: string[], onError?: RuleErrorHandler, times?: RuleTimes): FileResult[] {
  const results: FileResult[] = [];
  for (const group of groupByPlan(ws, files)) {
    const plan: PlanIndex = ws.buildPlan(group.root, group.root ? undefined : group.files[0]);
    const wanted: FileModel[] = [];
    for (const f of group.files) {
      const m = plan.file(f) ?? ws.load(f);
      if (m) {
        if (!plan.file(f)) plan.setFile(m);
        wanted.push(m);
      }
    }
    const byFile = checkPlan(plan, wanted, onError, times);
    for (const m of wanted) {
      results.push({ path: m.path, findings: byFile.get(m.path) ?? [], lines: m.parsed.lines, text: m.parsed.text });
    }
    if (group.root && plan.config.findings.length) {
      const path = nodePath.join(group.root, CONFIG_FILE_NAME);
      const text = ws.host.read(path)?.text ?? Buffer.from(ws.host.read(path)?.bytes ?? []).toString('utf8');
      results.push({ path, findings: plan.config.findings, lines: new LineIndex(text), text });
    }
  }
  return results;
}
