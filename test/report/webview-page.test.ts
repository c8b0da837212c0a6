/**
 * The Plan Overview's page script in a real browser (Debian's Chromium through playwright-core, as
 * the e2e runner opens VS Code): a refreshed report posted to the page is put in place — the body
 * then equals the new report's (its script left out), the nodes that did not change are the same
 * nodes as before, a changed card is new — and the page names the report it shows. Skipped, and
 * said so, where there is no Chromium.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ChartCache } from '../../server/src/engine/report/charts';
import { renderHtml } from '../../server/src/engine/report/html';
import type { PlanReport } from '../../server/src/engine/report/model';
import { fixtureReport } from './fixture';

const CHROMIUM = '/usr/bin/chromium';
const webview = { nonce: 'AbCdEf0123456789xyzXYZ', cspSource: 'https://*.vscode-cdn.net', uriOf: (f: string) => `file://${f}` };
// The browser's side, as source (the tests' TypeScript knows no DOM).
const INIT = `window.posted = [];
let state;
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => state, setState: (s) => (state = s) });`;
/** Posts a report as the extension does, waits for the page's word about it, and compares the body with the report's (scripts left out). */
const UPDATE = `async (html, seq) => {
  window.postMessage({ type: 'update', html, seq }, '*');
  for (let i = 0; i < 500 && !window.posted.some((m) => m.seq === seq); i++) await new Promise((r) => setTimeout(r, 10));
  const want = new DOMParser().parseFromString(html, 'text/html').body;
  want.querySelectorAll('script').forEach((s) => s.remove());
  const mine = document.body.cloneNode(true);
  mine.querySelectorAll('script').forEach((s) => s.remove());
  return { equal: mine.isEqualNode(want), word: window.posted.find((m) => m.seq === seq) };
}`;
// As the server draws them: charts from a cache (ECharts numbers its style classes on from drawing to drawing, and an unchanged chart drawn again would differ).
const charts = new ChartCache();
const page = (report: PlanReport) => renderHtml(report, { locale: 'zh-CN', version: '0.0.0-test', webview, charts });

describe('report: the webview page’s script in a browser', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let tab: Page;
  const report = fixtureReport('zh-CN');
  const renamed = (r: PlanReport, i: number, zh: string): PlanReport => ({ ...r, indicators: r.indicators.map((x, j) => (j === i ? { ...x, name: { en: zh, zh } } : x)) });

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.log(`      (no ${CHROMIUM}: skipped)`);
      this.skip();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    tab = await browser!.newPage();
    // VS Code's webview API as the page sees it: what the page posts is kept for the test.
    await tab.addInitScript(INIT);
    // Served, not set: init scripts run in a page that is navigated to.
    await tab.route('http://overview.test/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page(report) }));
    await tab.goto('http://overview.test/');
    await tab.waitForFunction('window.posted.some((m) => m.type === "shown")');
  });
  afterEach(async () => {
    await tab.close();
  });

  /** Posts a report to the page as the extension does, and waits for the page's word about it. */
  async function update(html: string, seq: number): Promise<{ equal: boolean; word: { seq?: number; receivedAt?: number; swappedAt?: number } }> {
    return tab.evaluate(`(${UPDATE})(${JSON.stringify(html)}, ${seq})`);
  }

  it('puts a changed name in place, keeps the nodes that did not change, and names the report it shows', async () => {
    assert.ok(report.indicators.length >= 3);
    await tab.evaluate('for (const c of document.querySelectorAll(".card")) { c.kept = true; c.querySelector("h3").firstChild.kept = true; }');
    const { equal, word } = await update(page(renamed(report, 1, '改名后的指标')), 7);
    assert.ok(equal, 'the body is the new report’s');
    assert.equal(word.seq, 7);
    assert.ok(typeof word.receivedAt === 'number' && typeof word.swappedAt === 'number' && word.swappedAt >= word.receivedAt);
    const kept = await tab.evaluate<[boolean, boolean][]>('Array.from(document.querySelectorAll(".card")).map((c) => [c.kept === true, c.querySelector("h3").firstChild.kept === true])');
    assert.deepEqual(kept[0], [true, true], 'the unchanged card is the same node');
    assert.deepEqual(kept[1], [true, false], 'the changed card’s name is new, in the card that was');
    assert.ok(kept.slice(2).every(([card, h3]) => card && h3));
    assert.ok(await tab.evaluate<boolean>('document.body.textContent.includes("改名后的指标")'));
  });

  it('takes a report with other parts (an indicator fewer) whole, and stays the report it was given', async () => {
    const fewer = { ...report, indicators: report.indicators.slice(1) };
    assert.ok((await update(page(fewer), 1)).equal);
    assert.ok((await update(page(report), 2)).equal, 'and back');
    // Scripts in a posted report never run.
    const evil = page(report).replace('</body>', '<script>window.ran = true</script></body>');
    assert.ok((await update(evil, 3)).equal);
    assert.equal(await tab.evaluate<unknown>('window.ran'), undefined);
  });
});
