/**
 * The plan a path names (its folder, a folder in it or above exactly one, or a file of it),
 * checked and read whole into the report model (engine/report/model.ts): what `report` renders
 * (report-run.ts) and `export` lays out (export-run.ts).
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { defineMessages, formatMessage, msg, type Locale, type Message } from '../engine/i18n/messages';
import { displayPath } from '../engine/display-path';
import { NodeFileHost } from '../engine/plan/node-host';
import { walkPilotFiles } from '../engine/plan/walk';
import { Workspace } from '../engine/plan/workspace';
import type { FileModel } from '../engine/plan/model';
import { buildReport, type PlanReport } from '../engine/report/model';
import { checkPaths } from './check-paths';
import { realPath } from './expand-paths';

defineMessages({
  'report.path.missing': { en: '{path}: no such file or folder.', zh: '{path}：文件或目录不存在。' },
  'report.path.no-plan': {
    en: '{path}: no plan here: a plan is the folder that holds its `kind: Plan` file. Name that folder, or a file in it.',
    zh: '{path}：此处没有方案：方案是存放 `kind: Plan` 文件的目录。请给出该目录或其中的文件。',
  },
  'report.path.many-plans': {
    en: '{path} holds {count} plans ({plans}): a report is of one plan. Name its folder.',
    zh: '{path} 下有 {count} 个方案（{plans}）：报告只针对一个方案，请给出其目录。',
  },
});

/** The plan folders at or below `dir`, the walk stopping at each (a sub-plan is a plan of its own). */
function plansBelow(ws: Workspace, dir: string): string[] {
  if (ws.planFilesIn(dir).length) return [dir];
  const roots = new Set<string>();
  const host = new NodeFileHost();
  walkPilotFiles(dir, dir, () => undefined, {
    readDir: (d) => host.readDir(d),
    enter: (d) => {
      if (ws.planFilesIn(d).length) {
        roots.add(d);
        return false;
      }
      return true;
    },
  });
  return [...roots].sort();
}

/** The plan a path names: a plan's folder, a folder in a plan or above exactly one, or a file of a plan. */
function planRoot(ws: Workspace, abs: string, shown: string, cwd: string): string | Message {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    return msg('report.path.missing', { path: shown });
  }
  if (!st.isDirectory()) return ws.planRootOf(abs) ?? msg('report.path.no-plan', { path: shown });
  // planRootOf looks from a file's folder upward: a name in `abs` starts at `abs`.
  const up = ws.planRootOf(nodePath.join(abs, 'x'));
  const below = plansBelow(ws, abs);
  if (below.length === 1) return below[0];
  if (below.length > 1) return msg('report.path.many-plans', { path: shown, count: below.length, plans: below.map((r) => displayPath(cwd, r)).join(', ') });
  return up ?? msg('report.path.no-plan', { path: shown });
}

/**
 * The report model of the plan a path names, checked; or why there is none. Shared with `export` (export-run.ts).
 * `places`: each entry's line (model.ts), which the Excel export shows and the report does not.
 */
export function planReport(path: string, opts: { cwd: string; locale: Locale; places?: boolean }): { report?: PlanReport; root?: string; problems: string[]; files: string[] } {
  const abs = realPathOrSame(nodePath.resolve(opts.cwd, path));
  // A snapshot (files do not change during one command): each file read once, its listing and stamp kept.
  const ws = new Workspace(new NodeFileHost(), { snapshot: true });
  const root = planRoot(ws, abs, path, realPath(opts.cwd));
  const say = (m: Message) => formatMessage(m, opts.locale);
  if (typeof root !== 'string') return { problems: [say(root)], files: [] };
  const checked = checkPaths([root], { cwd: opts.cwd, locale: opts.locale, wholePlans: true });
  const members = ws.planMembers(root);
  const models = members.map((f) => ws.load(f)).filter((m): m is FileModel => m !== undefined);
  const base = realPath(opts.cwd);
  const report = buildReport({ files: models, shown: (f) => displayPath(base, f), findings: checked.report, places: opts.places });
  return { report, root, problems: checked.problems.map(say), files: [...members, ...checked.files] };
}

function realPathOrSame(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
