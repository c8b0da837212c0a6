/**
 * pilotPlan/overview through the real server, on a copy of examples/guangzhou: a page with
 * every indicator's name and chart, places that lead to their files, the nonce's script; after
 * an edit that renames an indicator, the tree-changed notification and a page with the new
 * name; the page in the language asked for; a file under no plan; parameters of the wrong shape.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspClient, copyExample, find, tempDir, uriOf } from './client';
import { OVERVIEW_REQUEST, PLAN_TREE_CHANGED_NOTIFICATION, type OverviewParams, type OverviewResult } from '../../server/src/lsp/protocol';
import { escapeHtml } from '../../server/src/engine/report/html';

const NONCE = 'n0nce0123456789ABCDEFabcdef';

function names(text: string, field: 'name' | 'nameEn'): string[] {
  return [...text.matchAll(new RegExp(`^ {4}${field}: (.+)$`, 'gm'))].map((m) => m[1].trim());
}

describe('lsp: the Plan Overview (pilotPlan/overview)', function () {
  this.timeout(60000);
  let client: LspClient;
  let dir: string;
  let indicators: string;
  const ask = (extra: Partial<OverviewParams> = {}) => client.request<OverviewResult>(OVERVIEW_REQUEST, { uri: uriOf(indicators), nonce: NONCE, cspSource: 'https://*.vscode-cdn.net', ...extra });
  const changed = () => client.notifications.filter((n) => n.method === PLAN_TREE_CHANGED_NOTIFICATION && (n.params as { planRoot: string }).planRoot === dir).length;

  before(async () => {
    dir = copyExample('guangzhou');
    indicators = nodePath.join(dir, 'indicators.pilot.yaml');
    client = await LspClient.start({ folder: dir, locale: 'zh-CN' });
  });
  after(async () => {
    await client.stop();
  });

  it('answers the page of the document’s plan: every indicator’s name and chart, places into the plan’s files, the nonce’s script', async () => {
    const r = await ask();
    assert.equal(r.planRoot, dir);
    assert.equal(r.title, '广州市实施方案报告');
    const list = names(fs.readFileSync(indicators, 'utf8'), 'name');
    assert.equal(list.length, 11);
    for (const n of list) assert.ok(r.html.includes(`<h3>${escapeHtml(n)} <code>`), `${n} has no card`);
    assert.equal(r.html.split('<div class="card" data-uri=').length - 1, 11);
    // Every place is a file of the plan, and the files are the plan's.
    const uris = new Set([...r.html.matchAll(/data-uri="([^"]+)" data-line="(\d+)"/g)].map((m) => m[1]));
    assert.ok(uris.size > 3, [...uris].join(' '));
    for (const u of uris) assert.ok(r.files.includes(u), `${u} is not among the plan's files`);
    for (const f of r.files) assert.ok(fs.existsSync(fileURLToPath(f)), f);
    assert.ok(r.files.includes(uriOf(indicators)));
    assert.deepEqual([...r.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), [`<script nonce="${NONCE}">`]);
    assert.ok(r.html.includes(`script-src &#39;nonce-${NONCE}&#39;`));
    // The first indicator's card leads to the line of its ID.
    const first = /<div class="card" data-uri="([^"]+)" data-line="(\d+)">/.exec(r.html)!;
    assert.equal(fs.readFileSync(fileURLToPath(first[1]), 'utf8').split('\n')[Number(first[2]) - 1].trim(), '- id: IND-CO2-INTENSITY');
  });

  it('after an edit that renames an indicator: the plan announced, and a page with the new name', async () => {
    await client.waitFor('the plan checked once', () => changed() > 0, 30000);
    client.open(indicators);
    await client.diagnosticsFor(indicators);
    const seen = changed();
    const text = client.text(indicators);
    const old = '单位地区生产总值二氧化碳排放降低';
    const at = find(text, `name: ${old}`, 'name: '.length);
    client.edit(indicators, { start: at, end: { line: at.line, character: at.character + old.length } }, '万元GDP二氧化碳排放下降率');
    const t0 = Date.now();
    await client.waitFor('the plan announced after the edit', () => changed() > seen, 20000);
    const r = await ask();
    const ms = Date.now() - t0;
    assert.ok(r.html.includes('<h3>万元GDP二氧化碳排放下降率 <code>IND-CO2-INTENSITY</code>'));
    assert.ok(!r.html.includes(`<h3>${old} <code>`));
    // The server's times, for the editor's log: the edit, its check, this request, in order.
    const t = r.timing!;
    assert.ok(t.editedAt! >= t0 - 1000 && t.editedAt! <= t.checkStartedAt! && t.checkStartedAt! <= t.checkedAt! && t.checkedAt! <= t.receivedAt && t.receivedAt <= t.answeredAt, JSON.stringify({ t0, ...t }));
    // Not asserted (a busy machine): how long from the edit to the new page.
    console.log(`      (edit → notification → new page: ${ms} ms; the page made in ${t.answeredAt - t.receivedAt} ms)`);
  });

  it('is in the language asked for, and draws dark charts when asked', async () => {
    const en = await ask({ locale: 'en', dark: true });
    assert.ok(en.html.includes('<html lang="en">'));
    assert.ok(en.html.includes('Indicators and targets'));
    for (const n of names(fs.readFileSync(indicators, 'utf8'), 'nameEn')) assert.ok(en.html.includes(escapeHtml(n)), n);
    assert.ok(en.html.includes('#81c784'), 'the dark palette');
  });

  it('says so for a file under no plan', async () => {
    const lone = nodePath.join(tempDir('pilot-lsp-overview-'), 'lone.pilot.yaml');
    fs.writeFileSync(lone, 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n');
    const r = await ask({ uri: uriOf(lone) });
    assert.equal(r.planRoot, null);
    assert.deepEqual(r.files, []);
    assert.ok(r.html.includes('此文件不属于任何试点方案'));
    assert.doesNotMatch(r.html, /<script/);
  });

  it('answers parameters of the wrong shape with InvalidParams', async () => {
    for (const bad of [{ nonce: 'short' }, { nonce: `${NONCE}'` }, { cspSource: "x; script-src 'unsafe-inline'" }, { locale: 'fr' }, { uri: 42 }]) {
      await assert.rejects(ask(bad as Partial<OverviewParams>), (e: { code?: number }) => e.code === -32602, JSON.stringify(bad));
    }
  });
});
