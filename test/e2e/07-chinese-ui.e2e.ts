import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PilotPlanApi } from '../../client/src/extension';
import { EXTENSION_ID, lineOf, open, screenshot, waitFor, wsUri } from './util';

const CJK = /[\u4e00-\u9fff]/;

/** The extension's own UI with `pilotPlan.locale: zh-CN`, and the editor defaults for Chinese text. */
describe('Chinese UI (pilotPlan.locale: zh-CN)', () => {
  const config = () => vscode.workspace.getConfiguration('pilotPlan');
  let api: PilotPlanApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<PilotPlanApi>(EXTENSION_ID)!;
    api = await ext.activate();
    await config().update('locale', 'zh-CN', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('locale', undefined, vscode.ConfigurationTarget.Global);
  });

  it('the status bar tooltip and the Check Workspace notification are in Chinese', async () => {
    await open(wsUri('guangzhou', 'plan.pilot.yaml'), true);
    // The setting restarts the server; the item shows the plan once its status comes.
    const status = await waitFor(
      'the status bar to show plan GZ in Chinese',
      () => {
        const s = api.status();
        return s.visible && s.tooltip.includes('方案 GZ') && s;
      },
      30_000,
      () => JSON.stringify(api.status()),
    );
    assert.match(status.text, /^\$\(pulse\) GZ {2}\$\(error\) \d+ {2}\$\(warning\) \d+$/);
    const lines = status.tooltip.split('\n');
    assert.equal(lines[0], '方案 GZ');
    assert.match(lines[1], /^文件夹：.*guangzhou$/);
    assert.match(lines[2], /^方案：\d+ 个文件中共 \d+ 个错误、\d+ 个警告$/);
    assert.match(lines[3], /^本文件：\d+ 个错误、\d+ 个警告$/);
    assert.equal(lines[4], '单击打开“问题”视图。');
    assert.doesNotMatch(status.tooltip, /\b(?:Plan|Folder|errors|warnings|Click)\b/);

    const result = await vscode.commands.executeCommand<{ message: string; plans: number; files: number }>('pilotPlan.checkWorkspace');
    assert.ok(result && result.plans > 0, 'the workspace check ran');
    assert.match(result.message, new RegExp(`^碳达峰试点方案：已检查 ${result.plans} 个方案（${result.files} 个文件），共 \\d+ 个错误、\\d+ 个警告、\\d+ 条提示。`));
    await screenshot('zh-check-workspace', '.notifications-toasts .notification-toast');
  });

  it('Open Rule Documentation opens the page at its Chinese part', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('pilotPlan.openRuleDoc', 'orphan');
    assert.ok(uri, 'the command opened a page');
    assert.ok(uri.path.endsWith('/docs/rules/orphan.md'));
    assert.equal(uri.fragment, 'orphan--未被任务引用的指标既无指标也无项目的任务');
    // The page is drawn in a webview, which the suite cannot see into: give it a moment before the picture.
    await new Promise((r) => setTimeout(r, 3000));
    await screenshot('zh-rule-doc', 'iframe.webview.ready');
  });

  it('plan files: Chinese punctuation is not boxed, and it separates words', async () => {
    const cfg = vscode.workspace.getConfiguration('editor', { languageId: 'pilot-plan' });
    assert.equal(cfg.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(cfg.get('unicodeHighlight.nonBasicASCII'), false);
    assert.match(cfg.get<string>('wordSeparators') ?? '', /，/);

    const doc = await open(wsUri('guangzhou', 'tasks', 'energy.pilot.yaml'), true);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document, doc);
    // Ctrl+Right from the start of a clause stops at its full-width comma, not at the end of the line.
    const line = lineOf(doc.getText(), /加快500千伏输变电工程建设，/) - 1;
    const text = doc.lineAt(line).text;
    const start = text.indexOf('加快');
    editor.selection = new vscode.Selection(line, start, line, start);
    await vscode.commands.executeCommand('cursorWordEndRight');
    assert.equal(editor.selection.active.character, text.indexOf('，'), `the cursor at ${editor.selection.active.character} of: ${text}`);
    // Ctrl+D (like a double-click) on an ID takes the whole ID, hyphens included.
    const idLine = lineOf(doc.getText(), /- id: T-ENERGY-GRID$/) - 1;
    const at = doc.lineAt(idLine).text.indexOf('ENERGY');
    editor.selection = new vscode.Selection(idLine, at + 2, idLine, at + 2);
    await vscode.commands.executeCommand('editor.action.addSelectionToNextFindMatch');
    assert.equal(doc.getText(editor.selection), 'T-ENERGY-GRID');
    editor.selection = new vscode.Selection(line, start, line, start);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    assert.match(text, CJK);
    await screenshot('zh-punctuation', '.monaco-editor .view-lines');
  });
});
