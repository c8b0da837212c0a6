/**
 * The engine's front door for whole-file checking (CLI, tests, workspace
 * checks in the editor): given files, find their plans, index each plan once,
 * run the rules, and return the findings of the files asked for.
 */
import * as nodePath from 'node:path';
import type { Finding } from './findings';
import { CONFIG_FILE_NAME } from './plan/config';
import { PlanIndex } from './plan/plan-index';
import { compactModel } from './plan/plan-view';
import type { Workspace } from './plan/workspace';
import { finalize, runFileRules, runPlanRules, type RuleErrorHandler, type RuleTimes } from './run-rules';
import { RULES } from './rules/registry';
import { LineIndex } from './text/line-index';
import { lenientUtf8Text } from './parse/bytes';

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

/**
 * Each plan's file rules run on a file as soon as it is parsed, with the plan's
 * Plan files (read first: they hold its years); a snapshot workspace then keeps
 * only the file's compact model (plan-view.ts: what rules see of a file in a
 * plan, in both faces) for the plan rules, which run once all of the plan's
 * files are in. The findings are those of checkPlan over the whole plan
 * (test/engine/plan-view.test.ts compares both).
 */
export function checkFiles(ws: Workspace, files: string[], onError?: RuleErrorHandler, times?: RuleTimes): FileResult[] {
  const results: FileResult[] = [];
  for (const group of groupByPlan(ws, files)) {
    const plan = new PlanIndex(group.root, group.root ? ws.config(group.root) : undefined);
    const wanted = new Set(group.files);
    const fileFindings = new Map<string, Finding[]>();
    const take = (path: string) => {
      if (plan.file(path)) return;
      const m = ws.load(path);
      if (!m) return;
      if (wanted.has(path)) fileFindings.set(path, runFileRules(plan, m, onError, RULES, times));
      const kept = ws.snapshot ? compactModel(m) : m;
      if (kept !== m) ws.replaceModel(kept);
      plan.setFile(kept);
    };
    const members = group.root ? ws.planMembers(group.root) : [group.files[0]];
    // The Plan files first: the other files' rules read the plan's years from them.
    const planFiles = group.root ? ws.planFilesIn(group.root) : [];
    for (const p of planFiles) {
      const m = ws.load(p);
      if (m) plan.setFile(m);
    }
    for (const p of planFiles) {
      const m = plan.file(p);
      if (m && wanted.has(p)) fileFindings.set(p, runFileRules(plan, m, onError, RULES, times));
    }
    for (const p of members) take(p);
    for (const p of group.files) take(p); // asked for, though not a member (a loose file, or under a skipped folder)
    const planFindings = runPlanRules(plan, onError, RULES, times);
    for (const f of group.files) {
      const m = plan.file(f);
      if (!m) continue;
      const findings = finalize(m, (fileFindings.get(f) ?? []).concat(planFindings.get(f) ?? []));
      results.push({ path: m.path, findings, lines: m.parsed.lines, text: m.parsed.text });
    }
    if (group.root && plan.config.findings.length) {
      const path = nodePath.join(group.root, CONFIG_FILE_NAME);
      const text = ws.host.read(path)?.text ?? lenientUtf8Text(ws.host.read(path)?.bytes ?? new Uint8Array());
      results.push({ path, findings: plan.config.findings, lines: new LineIndex(text), text });
    }
  }
  return results;
}
