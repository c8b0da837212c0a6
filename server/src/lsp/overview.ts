/**
 * pilotPlan/overview: the Plan Overview of a document's plan, the report of `pilot-plan report`
 * (engine/report) drawn by the same renderer in its webview variant, from the files as the
 * editor holds them and the plan's last findings. A plan not checked yet is checked now; its
 * pilotPlan/planTreeChanged notification tells the client to ask again.
 */
import * as nodePath from 'node:path';
import { displayPath } from '../engine/display-path';
import { locate } from '../engine/output/located';
import { buildReport, type ReportFindingFile } from '../engine/report/model';
import { renderHtml, renderNotice, reportTitle } from '../engine/report/html';
import { label } from '../engine/report/labels';
import { ChartCache } from '../engine/report/charts';
import { version } from '../../../package.json';
import type { ServerContext } from './context';
import type { OverviewParams, OverviewResult } from './protocol';

/** The charts of pages drawn so far: after an edit, only the charts it changed are drawn again. */
const charts = new ChartCache();

export function overviewOf(ctx: ServerContext, params: OverviewParams): OverviewResult {
  const receivedAt = Date.now();
  const { session, diagnostics } = ctx;
  const locale = params.locale ?? ctx.locale;
  const webview = { nonce: params.nonce, cspSource: params.cspSource, dark: params.dark === true, uriOf: (f: string) => session.uriOf(f) };
  const root = session.planRootOf(session.pathOf(params.uri));
  if (!root) {
    const text = label('report.overview.no-plan', locale);
    return { planRoot: null, title: '', html: renderNotice(text, { locale, version, webview }), files: [] };
  }
  const state = session.stateOf(root);
  // The files changed since the last check are read now: the overview shows the text as it is.
  if (state.dirty.size && session.sync(state)) diagnostics.structureChanged();
  const last = diagnostics.lastFindings.get(root);
  if (!last && !diagnostics.pending(root)) diagnostics.schedule(state, 0);
  const files = state.index.files;
  // Paths as the workspace shows them: from the folder that holds the plan, else the plan's parent.
  const base = ctx.folders.find((f) => root === f || root.startsWith(f.endsWith(nodePath.sep) ? f : f + nodePath.sep)) ?? nodePath.dirname(root);
  const shown = (f: string) => displayPath(base, f);
  const findings: ReportFindingFile[] = [];
  for (const m of files) {
    const list = last?.get(m.path);
    if (list?.length) findings.push({ path: shown(m.path), file: m.path, findings: list.map((f) => locate(f, m.parsed.lines, locale)) });
  }
  const report = buildReport({ files, shown, findings });
  return {
    planRoot: root,
    title: reportTitle(report, locale),
    html: renderHtml(report, { locale, version, webview, charts }),
    files: files.map((m) => session.uriOf(m.path)),
    timing: { ...diagnostics.times.get(root), receivedAt, answeredAt: Date.now() },
  };
}
