/**
 * pilotPlan/overview: the Plan Overview of a document's plan, the report of `pilot-plan report`
 * (engine/report) drawn by the same renderer in its webview variant, from the files as the
 * editor holds them and the plan's last findings. A plan not checked yet is checked now; its
 * pilotPlan/planTreeChanged notification tells the client to ask again.
 */
import { renderHtml, renderNotice, reportTitle } from '../engine/report/html';
import { label } from '../engine/report/labels';
import { ChartCache } from '../engine/report/charts';
import { version } from '../../../package.json';
import type { ServerContext } from './context';
import { editorReport } from './editor-report';
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
  const { report, files, checked } = editorReport(ctx, root, locale);
  // Not checked yet: checked now; its pilotPlan/planTreeChanged brings the client back for the findings.
  if (!checked && !diagnostics.pending(root)) diagnostics.schedule(session.stateOf(root), 0);
  return {
    planRoot: root,
    rootUri: session.uriOf(root),
    title: reportTitle(report, locale),
    html: renderHtml(report, { locale, version, webview, charts }),
    files,
    timing: { ...diagnostics.times.get(root), receivedAt, answeredAt: Date.now() },
  };
}
