/**
 * The extension's own UI in the language of `pilotPlan.locale`: the status bar, the Check
 * Workspace notification, the rule pages, run against a stand-in `vscode` (vscode-stub.ts).
 */
import { commands, openWorkspace, resetStub, ui, Uri, window, workspace, env } from './vscode-stub';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../util/plan';
import { StatusBar } from '../../client/src/status-bar';
import { registerCommands } from '../../client/src/commands';
import type { PilotPlanClient } from '../../client/src/language-client';

const CJK = /[\u4e00-\u9fff]/;

/** The sentences of a status bar tooltip. */
const sentences = (tooltip: string) => tooltip.split('\n');

describe('client: the UI follows pilotPlan.locale', () => {
  const doc = { uri: Uri.file('/plans/gz/plan.pilot.yaml'), languageId: 'pilot-plan' };
  beforeEach(() => {
    resetStub();
    openWorkspace('/plans');
    window.setActive(doc);
  });

  function statusBar(): StatusBar {
    const bar = new StatusBar();
    bar.setRunning(true);
    bar.update({ uri: doc.uri.toString(), planRoot: '/plans/gz', planId: 'GZ', errors: 1, warnings: 2, planErrors: 3, planWarnings: 4, planFiles: 5 });
    return bar;
  }

  it('status bar in zh-CN: every sentence of the tooltip is Chinese', () => {
    workspace.setSetting('pilotPlan.locale', 'zh-CN');
    const s = statusBar().snapshot();
    assert.ok(s.visible);
    assert.equal(s.text, '$(pulse) GZ  $(error) 3  $(warning) 4');
    assert.deepEqual(sentences(s.tooltip), ['方案 GZ', '文件夹：gz', '方案：5 个文件中共 3 个错误、4 个警告', '本文件：1 个错误、2 个警告', '单击打开“问题”视图。']);
    assert.equal(window.statusBarItems.at(-1)?.name, '碳达峰试点方案');
  });

  it('status bar in English, and again in Chinese once the setting changes', () => {
    workspace.setSetting('pilotPlan.locale', 'en');
    const bar = statusBar();
    assert.deepEqual(sentences(bar.snapshot().tooltip), ['Plan GZ', 'Folder: gz', 'Plan: 3 errors, 4 warnings in 5 files', 'This file: 1 errors, 2 warnings', 'Click to open the Problems view.']);
    workspace.setSetting('pilotPlan.locale', 'zh-CN');
    bar.refresh();
    assert.ok(sentences(bar.snapshot().tooltip).every((x) => CJK.test(x)), bar.snapshot().tooltip);
  });

  it('status bar: `auto` follows the display language; a stopped server and a file without a plan are said in Chinese', () => {
    workspace.setSetting('pilotPlan.locale', 'auto');
    env.language = 'zh-tw';
    const bar = new StatusBar();
    assert.equal(bar.snapshot().tooltip, '碳达峰试点方案语言服务器未在运行。单击以重启。');
    assert.equal(bar.snapshot().text, '$(circle-slash) 碳达峰试点方案');
    bar.setRunning(true);
    assert.equal(bar.snapshot().tooltip, '正在检查…');
    bar.update({ uri: doc.uri.toString(), planRoot: null, errors: 0, warnings: 0 });
    assert.equal(bar.snapshot().text, '$(pulse) 无方案  $(error) 0  $(warning) 0');
    assert.deepEqual(sentences(bar.snapshot().tooltip), ['此文件不属于任何方案：所在文件夹及其上级中没有 Plan 文件。', '0 个错误、0 个警告', '单击打开“问题”视图。']);
  });

  describe('commands', () => {
    const context = { subscriptions: [] as unknown[], extensionUri: Uri.file(repoRoot()) };
    const answer = { plans: 2, files: 10, errors: 0, warnings: 1, infos: 0, elapsedMs: 5 };
    const lc = { sendRequest: async () => answer };
    const client = {
      isRunning: () => true,
      current: lc,
      forRequest: async () => lc,
    } as unknown as PilotPlanClient;
    before(() => registerCommands(context as never, async () => client));

    it('Check Workspace: the progress title and the notification in Chinese', async () => {
      workspace.setSetting('pilotPlan.locale', 'zh-CN');
      const result = (await commands.executeCommand('pilotPlan.checkWorkspace')) as { message: string };
      const shown = ui.calls.filter((c) => c.kind === 'info' || c.kind === 'warning');
      assert.deepEqual(shown.map((c) => c.message), ['碳达峰试点方案：已检查 2 个方案（10 个文件），共 0 个错误、1 个警告、0 条提示。']);
      assert.equal(result.message, shown[0].message);
      assert.deepEqual(window.progressTitles, ['碳达峰试点方案：正在检查工作区…']);
    });

    it('Check Workspace in English', async () => {
      workspace.setSetting('pilotPlan.locale', 'en');
      await commands.executeCommand('pilotPlan.checkWorkspace');
      assert.deepEqual(ui.calls.map((c) => c.message), ['Pilot Plan: checked 2 plans (10 files): 0 errors, 1 warnings, 0 infos.']);
    });

    it('Open Rule Documentation: the pick list in Chinese, the page opened at its Chinese part', async () => {
      workspace.setSetting('pilotPlan.locale', 'zh-CN');
      ui.respond = (c) => (c.kind === 'quickPick' ? c.items?.find((i) => (i as { code: string }).code === 'orphan') : undefined);
      await commands.executeCommand('pilotPlan.openRuleDoc');
      const pick = ui.calls[0];
      assert.equal(pick.title, '碳达峰试点方案：规则说明');
      const orphan = pick.items?.find((i) => (i as { code: string }).code === 'orphan') as { description: string; detail: string };
      assert.equal(orphan.description, '警告');
      assert.match(orphan.detail, CJK);
      const [shown] = commands.executed;
      assert.equal(shown.command, 'markdown.showPreview');
      const uri = shown.args[0] as Uri;
      assert.equal(uri.fsPath, path.join(repoRoot(), 'docs', 'rules', 'orphan.md'));
      // The id VS Code's preview gives the page's Chinese heading.
      assert.equal(uri.fragment, 'orphan--未被任务引用的指标既无指标也无项目的任务');
      assert.ok(fs.readFileSync(uri.fsPath, 'utf8').includes('# `orphan` — 未被任务引用的指标；既无指标也无项目的任务'));
    });

    it('Open Rule Documentation in English: the page from its top; an unknown code said in the UI language', async () => {
      workspace.setSetting('pilotPlan.locale', 'en');
      await commands.executeCommand('pilotPlan.openRuleDoc', 'orphan');
      assert.equal((commands.executed[0].args[0] as Uri).fragment, '');
      workspace.setSetting('pilotPlan.locale', 'zh-CN');
      await commands.executeCommand('pilotPlan.openRuleDoc', 'no-such-rule');
      assert.deepEqual(ui.calls.map((c) => [c.kind, c.message]), [['error', '规则 no-such-rule 没有说明文档。']]);
    });
  });
});
