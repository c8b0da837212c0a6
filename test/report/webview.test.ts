/**
 * The report's webview variant (the editor's Plan Overview): rows and charts carry the place
 * of their entry (the line of its ID), one script runs by its nonce under a strict policy,
 * the theme's colours, dark charts on request; the command line's page stays as it was.
 */
import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { renderHtml, webviewCsp, type WebviewOptions } from '../../server/src/engine/report/html';
import { FIXTURE, FIXTURE_ROOT, fixtureInput } from './fixture';
import { buildReport } from '../../server/src/engine/report/model';
import { ChartCache } from '../../server/src/engine/report/charts';

const NONCE = 'AbCdEf0123456789xyzXYZ';
const webview = (extra: Partial<WebviewOptions> = {}): WebviewOptions => ({ nonce: NONCE, cspSource: 'https://*.vscode-cdn.net', uriOf: (f) => `file://${f}`, ...extra });

/** The places (file, line) of the elements with the given opening tag prefix. */
function places(html: string, tag: string): { file: string; line: number; rest: string }[] {
  const out: { file: string; line: number; rest: string }[] = [];
  for (const m of html.matchAll(new RegExp(`${tag}[^>]* data-uri="file://([^"]+)" data-line="(\\d+)">`, 'g'))) out.push({ file: m[1], line: Number(m[2]), rest: html.slice(m.index + m[0].length, m.index + m[0].length + 400) });
  return out;
}

function lineOf(file: string, line: number): string {
  const rel = nodePath.posix.relative(FIXTURE_ROOT, file);
  const text = FIXTURE[rel];
  assert.ok(text !== undefined, `${file} is no file of the plan`);
  return text.split('\n')[line - 1];
}

describe('report: the webview variant', () => {
  // The check's findings with their files' own paths, as the language server gives them.
  const input = fixtureInput('zh-CN');
  const withFiles = { ...input, findings: input.findings.map((f) => ({ ...f, file: nodePath.posix.join(FIXTURE_ROOT, f.path) })) };
  const report = buildReport(withFiles);
  const html = renderHtml(report, { locale: 'zh-CN', version: '0.0.0-test', webview: webview() });

  it('leads each indicator card (its chart) to the line of the indicator’s ID', () => {
    const cards = places(html, '<div class="card"');
    assert.equal(cards.length, report.indicators.length);
    assert.ok(cards.length >= 3);
    for (const [i, c] of cards.entries()) {
      const id = report.indicators[i].id;
      assert.ok(c.rest.includes(`<code>${id}</code>`), `card ${i} is not ${id}'s`);
      assert.match(lineOf(c.file, c.line), new RegExp(`id: ${id}\\b`));
      assert.equal(c.rest.split('<svg').length > 1, true, 'the card holds its chart');
    }
  });

  it('leads each row of projects, tasks, mechanisms, actions and risks to its entry, and each finding to its line', () => {
    const rows = places(html, '<tr');
    const want = report.timeline.projects.length + report.timeline.tasks.length + report.dependencies.length + report.mechanisms.length + report.actions.length + report.risks.length;
    const findings = report.findings.groups.reduce((n, g) => n + g.places.length, 0);
    assert.ok(findings > 0, 'the fixture has findings');
    assert.equal(rows.length, want + findings);
    for (const r of rows.slice(0, want)) {
      const id = /<code>([^<]+)<\/code>/.exec(r.rest)?.[1];
      assert.ok(id, r.rest);
      assert.match(lineOf(r.file, r.line), new RegExp(`id: ${id}\\b`), `${id} at ${r.file}:${r.line}`);
    }
    for (const r of rows.slice(want)) assert.ok(r.rest.includes(`${nodePath.posix.relative(FIXTURE_ROOT, r.file)}:${r.line}:`), r.rest);
  });

  it('leads the charts that sum the plan to the Plan file, and each other chart to an entry of it', () => {
    const figures = places(html, '<figure');
    assert.equal(figures.length, html.split('<figure').length - 1);
    assert.ok(figures.length >= 3);
    for (const f of figures) assert.ok(lineOf(f.file, f.line) !== undefined);
    assert.ok(figures.some((f) => f.file.endsWith('plan.pilot.yaml') && f.line === 1));
  });

  it('runs one script, by its nonce, under a policy that allows no other and loads nothing remote', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${NONCE}">`]);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
    assert.equal(csp, webviewCsp(webview()));
    assert.match(csp!, /^default-src 'none'; img-src https:\/\/\*\.vscode-cdn\.net data:; style-src https:\/\/\*\.vscode-cdn\.net 'unsafe-inline'; script-src 'nonce-AbCdEf0123456789xyzXYZ';/);
    assert.ok(html.includes('acquireVsCodeApi()'));
    assert.ok(html.includes("postMessage({ type: 'open'"));
    assert.ok(html.includes('setState({ y: window.scrollY })'));
    // A refreshed report is put in place by message, its scripts dropped.
    assert.ok(html.includes("m.type !== 'update'"));
    assert.ok(html.includes("querySelectorAll('script')"));
    assert.doesNotMatch(html, /https?:\/\/(?!\*\.vscode-cdn\.net)/);
  });

  it('takes its colours from the editor’s theme', () => {
    for (const v of ['--vscode-editor-background', '--vscode-foreground', '--vscode-textLink-foreground', '--vscode-list-hoverBackground']) assert.ok(html.includes(`var(${v}`), v);
  });

  it('draws the charts for a dark theme when asked: light text, the light palette’s dark counterparts', () => {
    const svgs = (h: string) => h.split('<svg').slice(1).map((x) => x.split('</svg>')[0]).join('\n');
    const dark = svgs(renderHtml(report, { locale: 'zh-CN', version: '0.0.0-test', webview: webview({ dark: true }) }));
    const light = svgs(html);
    assert.ok(light.includes('#1b5e20'));
    assert.ok(!dark.includes('#1b5e20'), 'the dark-green plan line is not drawn on a dark page');
    assert.ok(dark.includes('#81c784'));
    // Axis labels: ECharts' dark theme draws them light; the light page's are dark grey.
    const fills = (h: string) => new Set([...h.matchAll(/<text [^>]*fill="(#[0-9A-Fa-f]{3,6})"/g)].map((m) => m[1].toLowerCase()));
    const luminance = (c: string) => {
      const hex = c.length === 4 ? c.slice(1).replace(/./g, (x) => x + x) : c.slice(1);
      return [0, 2, 4].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0) / 3;
    };
    const avg = (s: Set<string>) => [...s].reduce((a, c) => a + luminance(c), 0) / s.size;
    assert.ok(avg(fills(dark)) > 128, `dark page text ${[...fills(dark)]}`);
    assert.ok(avg(fills(light)) < 128, `light page text ${[...fills(light)]}`);
  });

  it('makes the URIs it writes inert', () => {
    const hostile = renderHtml(report, { locale: 'en', version: '0', webview: webview({ uriOf: () => 'file:///x"><script>alert(1)</script>' }) });
    assert.equal(hostile.split('<script').length - 1, 1);
  });

  it('draws again, with a cache of charts, only the ECharts charts whose options changed; indicators’ charts, written directly, need none; the page is the one drawn without it', () => {
    // ECharts numbers its style classes on from drawing to drawing (each SVG's are its own, after its chart's prefix).
    const same = (a: string, b: string, what: string) => assert.equal(a.replace(/-cls-\d+/g, '-cls-#'), b.replace(/-cls-\d+/g, '-cls-#'), what);
    const charts = new ChartCache();
    same(renderHtml(report, { locale: 'zh-CN', version: '0.0.0-test', webview: webview(), charts }), html, 'the same page as without the cache');
    // ECharts draws the figures (investment, timeline, tasks due), not the indicators' charts.
    const drawn = charts.misses;
    assert.equal(drawn, html.split('<figure').length - 1);
    assert.ok(drawn >= 3 && charts.hits === 0, `${drawn} charts drawn`);
    // The same plan again: nothing is drawn, and the ids are the page's own (numbered by the page, not by the cache).
    same(renderHtml(report, { locale: 'zh-CN', version: '0.0.0-test', webview: webview(), charts }), html, 'the page drawn from the cache');
    assert.equal(charts.misses, drawn);
    // One indicator's target changed: its chart is written again, ECharts draws nothing.
    const ind = report.indicators.find((i) => i.targets.length)!;
    const changed = { ...report, indicators: report.indicators.map((i) => (i === ind ? { ...i, targets: i.targets.map((t) => ({ ...t, value: t.value + 1 })) } : i)) };
    const after = renderHtml(changed, { locale: 'zh-CN', version: '0.0.0-test', webview: webview(), charts });
    assert.equal(charts.misses, drawn);
    same(after, renderHtml(changed, { locale: 'zh-CN', version: '0.0.0-test', webview: webview() }), 'the changed page');
    const svgs = (h: string) => h.replace(/-cls-\d+/g, '-cls-#').split('<svg').slice(1).map((x) => x.split('</svg>')[0]);
    const changedSvgs = svgs(after).filter((x, i) => x !== svgs(html)[i]);
    assert.equal(changedSvgs.length, 1, 'one chart differs');
    assert.ok(changedSvgs[0].includes(`>${ind.targets[0].value + 1}</text>`));
    // The dark theme's charts are others.
    renderHtml(report, { locale: 'zh-CN', version: '0.0.0-test', webview: webview({ dark: true }), charts });
    assert.equal(charts.misses, 2 * drawn);
    // At most as many as it was made for, the least recently used dropped.
    const small = new ChartCache(2);
    renderHtml(report, { locale: 'zh-CN', version: '0.0.0-test', webview: webview(), charts: small });
    assert.equal(small.size, 2);
  });

  it('leaves the command line’s page as it was: no place, no script, its own policy', () => {
    const cli = renderHtml(report, { locale: 'zh-CN', version: '0.0.0-test' });
    assert.doesNotMatch(cli, /<script/i);
    assert.doesNotMatch(cli, /data-uri|data-line|--vscode-/);
    assert.match(cli, /content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
  });
});
