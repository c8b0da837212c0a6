/**
 * Paths → the report of a check: the paths expanded, the files read and checked,
 * the findings located in the chosen language; problems with the paths collected,
 * not thrown. And the exit status a report gives. What `pilot-plan check` and the
 * GitHub Action share.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { displayPath, toPosix } from '../engine/display-path';
import { checkFiles } from '../engine/checker';
import { SEVERITY_ORDER, type Severity } from '../engine/findings';
import { msg, type Locale, type Message } from '../engine/i18n/messages';
import { locate } from '../engine/output/located';
import { NodeFileHost } from '../engine/plan/node-host';
import { OverlayFileHost } from '../engine/plan/overlay-host';
import { childPath, SKIPPED_DIRS } from '../engine/plan/walk';
import { Workspace } from '../engine/plan/workspace';
import { expandPaths, realPath } from './expand-paths';
import { scopeToPlans, strayConfigResult } from './plan-scope';
import type { ReportFile } from './formats/format';
import type { CheckTiming } from './timing';

/** The values of `--fail-on` (the action's `fail-on`): the lowest severity that fails, or never. */
export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface CheckPathsOptions {
  /** Where relative paths are resolved. */
  cwd: string;
  /** What the report's paths are relative to; cwd when absent. */
  base?: string;
  locale: Locale;
  /** A file whose text is given (standard input), checked as if at `path`, reported as `shown`. */
  stdin?: { path: string; bytes: Uint8Array; shown: string };
  /** Report every file of the plans of the files given, not only those (plan-scope.ts). */
  wholePlans?: boolean;
  timing?: CheckTiming;
}

export interface CheckedPaths {
  report: ReportFile[];
  /** Paths that could not be found or read: the other files are still checked. */
  problems: Message[];
  /** The files checked (absolute), standard input's path among them: what a report may never overwrite. */
  files: string[];
}


/** Whether a file is below a folder its plan's members are never looked for in (SKIPPED_DIRS). */
function outsideItsPlan(ws: Workspace, file: string): boolean {
  // Most files have no such folder anywhere in their path: no need to find their plan.
  const segments = file.split(nodePath.sep);
  if (!segments.some((s) => SKIPPED_DIRS.has(s))) return false;
  const root = ws.planRootOf(file);
  if (root === undefined) return false; // a loose file is checked on its own anyway
  return nodePath.relative(root, nodePath.dirname(file)).split(nodePath.sep).some((s) => SKIPPED_DIRS.has(s));
}

/** Why a file that was found cannot be read: the system's error code. */
function unreadableReason(path: string): string {
  try {
    const st = fs.statSync(path);
    if (!st.isFile()) return 'not a file';
    fs.closeSync(fs.openSync(path, 'r'));
    return 'EIO';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
}

/** Checks the files, folders and globs in `paths` (`-` stands for `opts.stdin`). */
export function checkPaths(paths: string[], opts: CheckPathsOptions): CheckedPaths {
  const { cwd, locale, timing } = opts;
  // The files come out of expandPaths at their real paths: shown relative to the real base.
  const base = realPath(opts.base ?? cwd);
  // A snapshot workspace (below) reads each file once and compares no stamps.
  const host = new OverlayFileHost(new NodeFileHost({ stamps: false }));
  const problems: Message[] = [];
  const files: string[] = [];
  const display = new Map<string, string>();

  if (opts.stdin) {
    // At the real path of its folder, as the files on disk are: the same file is the same path.
    const path = childPath(realPath(nodePath.dirname(opts.stdin.path)), nodePath.basename(opts.stdin.path));
    host.setOverlay(path, opts.stdin.bytes, 1);
    files.push(path);
    display.set(path, opts.stdin.shown);
  }
  const expanded = expandPaths(
    paths.filter((a) => a !== '-'),
    cwd,
  );
  for (const p of expanded.problems) problems.push(p); // not push(...): a walk can find more problems than a call takes arguments
  // A Set, not files.includes: that compared each file with all before it (half a million comparisons for 1,000 files).
  const given = new Set(files);
  for (const f of expanded.files) if (!given.has(f)) files.push(f);
  if (!files.length && !problems.length) problems.push(msg('paths.none', { paths: paths.join(' ') }));

  const ws = new Workspace(host, { snapshot: true });
  const scope = scopeToPlans(ws, files, opts.wholePlans === true);
  timing?.end('find');
  const unreadable = (f: string) => problems.push(msg('paths.unreadable', { path: toPosix(nodePath.relative(cwd, f)), reason: unreadableReason(f) }));
  const readable = scope.files.filter((f) => {
    if (ws.canRead(f)) return true;
    unreadable(f);
    return false;
  });
  timing?.end('read');
  // A file named below a skipped folder (node_modules, .git) is no member of its plan: checked with the plan
  // but apart, in a workspace of its own, so that the plan's other files never see it (their findings do not
  // depend on what else is named).
  const outsiders = new Set(readable.filter((f) => outsideItsPlan(ws, f)));
  const results = checkFiles(ws, outsiders.size ? readable.filter((f) => !outsiders.has(f)) : readable, undefined, timing?.rules);
  for (const f of outsiders) results.push(...checkFiles(new Workspace(host, { snapshot: true }), [f], undefined, timing?.rules));
  for (const c of scope.strayConfigs) {
    const r = strayConfigResult(ws, c);
    if (r) results.push(r);
    else unreadable(c);
  }
  timing?.end('rules');
  const report: ReportFile[] = results.map((r) => ({
    path: display.get(r.path) ?? displayPath(base, r.path),
    findings: r.findings.map((f) => locate(f, r.lines, locale)),
  }));
  return { report, problems, files };
}

/** The status a report gives without problems: 1 when a finding is at or above `failOn`, else 0. */
export function failStatus(report: ReportFile[], failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const threshold = SEVERITY_ORDER[failOn];
  return report.some((f) => f.findings.some((x) => SEVERITY_ORDER[x.severity as Severity] >= threshold)) ? 1 : 0;
}
