/**
 * The HTML report in a real browser: Debian's Chromium (the one the end-to-end suite drives,
 * through playwright-core), offline, opening the file of examples/guangzhou. Nothing is
 * requested but the file itself, nothing is logged as an error (a load the page's
 * Content-Security-Policy refused would be), every SVG chart is laid out, and a screenshot
 * is saved (out/test/report/report.png; docs/images/report.png is a copy of it).
 *
 * Where /usr/bin/chromium is absent the suite is skipped and says why; in CI (CI set) it fails.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { runReport } from '../../server/src/cli/report-run';
import { repoRoot } from '../util/plan';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = repoRoot();

/** Opens a file offline and notes every request and every error the page logs. */
async function open(browser: Browser, file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 1500 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, errors };
}

describe('report: the HTML in Chromium', function () {
  this.timeout(120000);
  let browser: Browser | undefined;
  let tmp: string;
  let file: string;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI) assert.fail(`${CHROMIUM} is missing: CI installs Debian's chromium (.ci/run)`);
      console.log(`      (skipped below: ${CHROMIUM} is not installed; Debian: apt-get install chromium fonts-wqy-microhei)`);
      this.skip();
    }
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-plan-report-html-'));
    file = path.join(tmp, 'report.html');
    const run = runReport(path.join(ROOT, 'examples', 'guangzhou'), { cwd: ROOT, locale: 'zh-CN', format: 'html', version: '0.1.0' });
    assert.deepEqual(run.problems, []);
    fs.writeFileSync(file, run.text!);
  });

  after(async () => {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('requests nothing but the file, logs no error, and lays every chart out', async () => {
    const { page, requests, errors } = await open(browser!, file);
    assert.deepEqual(requests, [pathToFileURL(file).href]);
    assert.deepEqual(errors, []);
    // Strings, run in the page: the tests are type-checked without the DOM's types.
    const boxes = (await page.evaluate("[...document.querySelectorAll('svg')].map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height])")) as [number, number][];
    assert.equal(boxes.length, 11 + 4);
    for (const [w, h] of boxes) assert.ok(w > 100 && h > 100, `a chart is ${w}×${h}`);
    // The charts' text is drawn, not only their shapes.
    const texts = (await page.evaluate("[...document.querySelectorAll('svg text')].filter((t) => t.getBoundingClientRect().width > 0).length")) as number;
    assert.ok(texts > 100, `${texts} chart labels laid out`);
    // Each indicator's chart (indicator-svg.ts) is an image named by its indicator, for screen readers as for the eye.
    const names = (await page.evaluate("[...document.querySelectorAll('.card h3')].map((h) => h.firstChild.textContent.trim())")) as string[];
    assert.equal(names.length, 11);
    for (const name of names) assert.equal(await page.getByRole('img', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).count(), 1, name);
    // Its text is laid out inside it, and the axes' and the legend's texts overlap no other.
    const layout = (await page.evaluate(`[...document.querySelectorAll('.card svg')].map((svg) => {
      const box = svg.getBoundingClientRect();
      const rect = (t) => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
      const outside = [...svg.querySelectorAll('text')].map(rect).filter(([l, t, r, b]) => l < box.left - 0.5 || t < box.top - 0.5 || r > box.right + 0.5 || b > box.bottom + 0.5);
      const fixed = [...svg.querySelectorAll('[data-part] text')].map((t) => [t.textContent, rect(t)]);
      const overlaps = [];
      for (let i = 0; i < fixed.length; i++) for (let j = i + 1; j < fixed.length; j++) {
        const [a, p] = fixed[i]; const [b, q] = fixed[j];
        if (p[0] < q[2] - 0.5 && q[0] < p[2] - 0.5 && p[1] < q[3] - 0.5 && q[1] < p[3] - 0.5) overlaps.push(a + ' / ' + b);
      }
      return { texts: svg.querySelectorAll('text').length, outside: outside.length, overlaps };
    })`)) as { texts: number; outside: number; overlaps: string[] }[];
    for (const [i, l] of layout.entries()) {
      assert.ok(l.texts >= 5, `chart ${i}: ${l.texts} texts`);
      assert.equal(l.outside, 0, `chart ${i}: ${l.outside} texts outside the chart`);
      assert.deepEqual(l.overlaps, [], `chart ${i}`);
    }
    fs.mkdirSync(path.join(ROOT, 'out', 'test', 'report'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'out', 'test', 'report', 'report.png'), clip: { x: 0, y: 0, width: 1100, height: 1500 } });
    await page.context().close();
  });

  it('the check sees a page that would load something (without a policy: the request; with the report’s: the request and the refusal, an error)', async () => {
    const bare = path.join(tmp, 'bare.html');
    fs.writeFileSync(bare, '<!DOCTYPE html><p>x</p><img src="https://example.invalid/a.png">');
    const a = await open(browser!, bare);
    assert.ok(a.requests.some((u) => u.startsWith('https://example.invalid/')), a.requests.join(' '));
    await a.page.context().close();
    const guarded = path.join(tmp, 'guarded.html');
    const csp = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/.exec(fs.readFileSync(file, 'utf8'))![0];
    fs.writeFileSync(guarded, `<!DOCTYPE html><head>${csp}</head><p>x</p><img src="https://example.invalid/a.png"><link rel="stylesheet" href="https://example.invalid/a.css">`);
    const b = await open(browser!, guarded);
    // Chromium names a refused load as a request too; the policy's refusal is the error the first test looks for.
    assert.equal(b.errors.filter((e) => /Content Security Policy/.test(e) && /example\.invalid/.test(e)).length, 2, b.errors.join('\n'));
    await b.page.context().close();
  });

  it('has a font with Chinese glyphs to draw the plan’s text with (fontconfig; Debian: fonts-wqy-microhei)', function () {
    const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    const families = r.status === 0 ? r.stdout.trim() : '';
    if (!families && !process.env.CI) {
      console.log('      (skipped: no font with Chinese glyphs: the screenshot shows boxes; Debian: apt-get install fonts-wqy-microhei)');
      this.skip();
    }
    assert.ok(families, 'no font with Chinese glyphs is installed: CI installs fonts-wqy-microhei (.ci/run)');
  });
});
