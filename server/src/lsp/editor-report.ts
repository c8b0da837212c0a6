/**
 * The report model (engine/report) of a plan as the editor holds it: its files with their unsaved
 * text, and the findings of its last check. What the Plan Overview draws and the Word and Excel
 * exports write.
 */
import * as nodePath from 'node:path';
import { displayPath } from '../engine/display-path';
import type { Locale } from '../engine/i18n/messages';
import { locate } from '../engine/output/located';
import { buildReport, type PlanReport, type ReportFindingFile } from '../engine/report/model';
import type { ServerContext } from './context';

export interface EditorReport {
  report: PlanReport;
  /** The URIs of the plan's files. */
  files: string[];
}

/** The report of the plan at `root`; the files changed since its last check are read now. `checked` false: no findings yet (never checked). */
export function editorReport(ctx: ServerContext, root: string, locale: Locale): EditorReport & { checked: boolean } {
  const { session, diagnostics } = ctx;
  const state = session.stateOf(root);
  if (state.dirty.size && session.sync(state)) diagnostics.structureChanged();
  const last = diagnostics.lastFindings.get(root);
  const files = state.index.files;
  // Paths as the workspace shows them: from the folder that holds the plan, else the plan's parent.
  const base = ctx.folders.find((f) => root === f || root.startsWith(f.endsWith(nodePath.sep) ? f : f + nodePath.sep)) ?? nodePath.dirname(root);
  const shown = (f: string) => displayPath(base, f);
  const findings: ReportFindingFile[] = [];
  for (const m of files) {
    const list = last?.get(m.path);
    if (list?.length) findings.push({ path: shown(m.path), file: m.path, findings: list.map((f) => locate(f, m.parsed.lines, locale)) });
  }
  return { report: buildReport({ files, shown, findings }), files: files.map((m) => session.uriOf(m.path)), checked: !!last };
}
