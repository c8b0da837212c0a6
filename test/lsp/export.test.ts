/**
 * pilotPlan/export through the real server (dist/server.js), on copies of the examples: an
 * Excel workbook read back with exceljs and a Word document unzipped, both of the plan as the
 * editor holds it (an unsaved rename shows); a plan never checked has its findings listed; a
 * file under no plan; parameters of the wrong shape; docx and exceljs outside the server's bundle.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import ExcelJS from 'exceljs';
import { LspClient, copyExample, find, tempDir, uriOf } from './client';
import { EXPORT_REQUEST, type ExportParams, type ExportResult } from '../../server/src/lsp/protocol';
import { repoRoot } from '../util/plan';
import { zipText } from '../util/zip';

const column = (ws: ExcelJS.Worksheet, header: string): string[] => {
  const headers = (ws.getRow(1).values as unknown[]).map(String);
  const i = headers.indexOf(header);
  assert.ok(i > 0, `no column ${header} in ${ws.name}: ${headers.join(' | ')}`);
  return ws.getColumn(i).values.slice(2).map((v) => String(v ?? ''));
};

describe('lsp: Export to Word / Excel (pilotPlan/export)', function () {
  this.timeout(120000);
  let client: LspClient;
  let dir: string;
  let broken: string;
  let indicators: string;
  const ask = (uri: string, format: ExportParams['format'], extra: Partial<ExportParams> = {}) => client.request<ExportResult>(EXPORT_REQUEST, { uri, format, ...extra });

  before(async () => {
    const ws = tempDir('pilot-lsp-export-');
    dir = nodePath.join(ws, 'guangzhou');
    fs.cpSync(copyExample('guangzhou'), dir, { recursive: true });
    // Outside the workspace folder: nothing checks it before the export asks.
    broken = nodePath.join(tempDir('pilot-lsp-export-broken-'), 'dependency-cycle');
    fs.cpSync(nodePath.join(repoRoot(), 'examples', 'broken', 'dependency-cycle'), broken, { recursive: true });
    indicators = nodePath.join(dir, 'indicators.pilot.yaml');
    client = await LspClient.start({ folder: ws, locale: 'zh-CN' });
    // An unsaved rename: the export is of the plan as the editor holds it.
    client.open(indicators);
    const text = client.text(indicators);
    const old = '单位地区生产总值二氧化碳排放降低';
    const at = find(text, `name: ${old}`, 'name: '.length);
    client.edit(indicators, { start: at, end: { line: at.line, character: at.character + old.length } }, '万元GDP二氧化碳排放下降率');
  });
  after(async () => {
    await client.stop();
  });

  it('answers an Excel workbook of the plan, named after its folder, with the editor’s unsaved text', async () => {
    const r = await ask(uriOf(indicators), 'xlsx');
    assert.equal(r.planRoot, dir);
    assert.equal(r.folderUri, uriOf(dir));
    assert.equal(r.fileName, 'guangzhou.xlsx');
    assert.ok(r.files.includes(uriOf(indicators)) && r.files.every((f) => f.startsWith(uriOf(dir) + '/')), r.files.join(' '));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.data, 'base64') as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['任务 Tasks', '项目 Projects', '指标 Indicators', '检查结果 Findings']);
    const names = column(wb.getWorksheet('指标 Indicators')!, '指标 Indicator');
    assert.ok(names.includes('万元GDP二氧化碳排放下降率'), names.join(' | '));
    assert.ok(!names.includes('单位地区生产总值二氧化碳排放降低'));
  });

  it('answers a Word document with the plan’s title and the editor’s text, in the language asked for', async () => {
    const zh = await ask(uriOf(indicators), 'docx');
    assert.equal(zh.fileName, 'guangzhou.docx');
    const xml = zipText(Buffer.from(zh.data, 'base64'), 'word/document.xml');
    assert.ok(xml, 'no word/document.xml');
    const text = xml.replace(/<[^>]+>/g, '');
    assert.ok(text.includes('广州市碳达峰试点实施方案'), text.slice(0, 300));
    assert.ok(text.includes('万元GDP二氧化碳排放下降率'));
    const en = zipText(Buffer.from((await ask(uriOf(indicators), 'docx', { locale: 'en' })).data, 'base64'), 'word/document.xml')!.replace(/<[^>]+>/g, '');
    assert.ok(en.includes('Guangzhou'), en.slice(0, 300));
    assert.ok(en.includes('Key tasks'));
  });

  it('checks a plan never checked before its export: the workbook lists its findings', async () => {
    const r = await ask(uriOf(nodePath.join(broken, 'plan.pilot.yaml')), 'xlsx');
    assert.equal(r.planRoot, broken);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.data, 'base64') as unknown as ArrayBuffer);
    assert.ok(column(wb.getWorksheet('检查结果 Findings')!, '规则 Rule').includes('dependency-cycle'));
  });

  it('says so for a file under no plan, and answers parameters of the wrong shape with InvalidParams', async () => {
    const lone = nodePath.join(tempDir('pilot-lsp-export-lone-'), 'lone.pilot.yaml');
    fs.writeFileSync(lone, 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n');
    assert.deepEqual(await ask(uriOf(lone), 'docx'), { planRoot: null, folderUri: '', fileName: '', data: '', files: [] });
    for (const bad of [{ format: 'pdf' }, { locale: 'fr' }, { uri: 42 }]) {
      await assert.rejects(client.request(EXPORT_REQUEST, { uri: uriOf(indicators), format: 'docx', ...bad }), (e: { code?: number }) => e.code === -32602, JSON.stringify(bad));
    }
  });

  it('loads docx and exceljs from dist/vendor on first use: the server’s bundle does not carry them', () => {
    const server = fs.readFileSync(nodePath.join(repoRoot(), 'dist', 'server.js'), 'utf8');
    for (const [lib, marker] of [
      ['docx', 'wordprocessingml/2006/main'],
      ['exceljs', 'spreadsheetml/2006/main'],
    ]) {
      assert.ok(server.includes(`require("./vendor/${lib}.js")`), `${lib} is not required from dist/vendor`);
      assert.ok(!server.includes(marker), `dist/server.js carries ${lib}`);
      assert.ok(fs.readFileSync(nodePath.join(repoRoot(), 'dist', 'vendor', `${lib}.js`), 'utf8').includes(marker));
    }
  });
});
