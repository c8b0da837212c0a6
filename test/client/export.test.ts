/**
 * Export to Word / Excel on the client side without VS Code: the server's answer read
 * leniently, its base64 decoded without Node's Buffer; the commands in the Command Palette for
 * plan files, titled in both languages, and neither shown nor enabled on the web.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromBase64, readExportResult } from '../../client/src/export-data';
import { repoRoot } from '../util/plan';

describe('client: Export to Word / Excel', () => {
  it('reads the server’s answer leniently: a plan’s file, no plan, or none', () => {
    const ok = { planRoot: '/p/gz', folderUri: 'file:///p/gz', fileName: 'gz.docx', data: 'UEsDBA==', files: ['file:///p/gz/plan.pilot.yaml', 3] };
    assert.deepEqual(readExportResult(ok), { ...ok, files: ['file:///p/gz/plan.pilot.yaml'] });
    assert.deepEqual(readExportResult({ planRoot: null }), { planRoot: null, folderUri: '', fileName: '', data: '', files: [] });
    for (const bad of [undefined, null, 'x', {}, { ...ok, data: '' }, { ...ok, fileName: 7 }, { ...ok, planRoot: 1 }]) assert.equal(readExportResult(bad), undefined, JSON.stringify(bad));
  });

  it('decodes base64 to the very bytes', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => (i * 7) % 256);
    assert.deepEqual(fromBase64(Buffer.from(bytes).toString('base64')), bytes);
    assert.deepEqual(fromBase64(''), new Uint8Array());
  });

  it('is in the Command Palette for plan files, titled in both languages, hidden and disabled on the web', () => {
    const root = repoRoot();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const nls = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
    const titles: Record<string, [string, string]> = { 'pilotPlan.exportDocx': ['Export to Word…', '导出为 Word 文档…'], 'pilotPlan.exportXlsx': ['Export to Excel…', '导出为 Excel 工作簿…'] };
    for (const [id, [en, zh]] of Object.entries(titles)) {
      const c = pkg.contributes.commands.find((x: { command: string }) => x.command === id);
      assert.equal(c?.enablement, '!isWeb', id);
      assert.equal(pkg.contributes.menus.commandPalette.find((m: { command: string }) => m.command === id)?.when, 'editorLangId == pilot-plan && !isWeb');
      assert.equal(nls('package.nls.json')[c.title.slice(1, -1)], en);
      assert.equal(nls('package.nls.zh-cn.json')[c.title.slice(1, -1)], zh);
    }
  });
});
