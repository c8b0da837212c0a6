import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PilotPlanApi } from '../../client/src/extension';
import { zipText } from '../util/zip';
import { EXTENSION_ID, open, wsPath, wsUri } from './util';

type Window = { showSaveDialog: typeof vscode.window.showSaveDialog; showInformationMessage: (message: string, ...items: string[]) => Thenable<string | undefined> };

/** Export to Word / Excel in Chinese: the save dialog answered by the test, the file written where it said, the message after. */
describe('Export to Word / Excel (pilotPlan.locale: zh-CN)', () => {
  const config = () => vscode.workspace.getConfiguration('pilotPlan');
  const win = vscode.window as unknown as Window;
  const real = { showSaveDialog: win.showSaveDialog, showInformationMessage: win.showInformationMessage };
  let dialogs: vscode.SaveDialogOptions[] = [];
  let messages: string[][] = [];
  let answer: vscode.Uri | undefined;

  before(async () => {
    await vscode.extensions.getExtension<PilotPlanApi>(EXTENSION_ID)!.activate();
    await config().update('locale', 'zh-CN', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await open(wsUri('guangzhou', 'indicators.pilot.yaml'), true);
    // The dialog and the message as the user would answer them: the save dialog says where, the message's buttons are not clicked.
    win.showSaveDialog = async (options) => {
      dialogs.push(options ?? {});
      return answer;
    };
    win.showInformationMessage = async (message: string, ...items: string[]) => {
      messages.push([message, ...items]);
      return undefined;
    };
  });
  after(async () => {
    Object.assign(win, real);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('locale', undefined, vscode.ConfigurationTarget.Global);
  });
  beforeEach(() => {
    dialogs = [];
    messages = [];
  });

  for (const [format, command, inside, words] of [
    ['docx', 'pilotPlan.exportDocx', 'word/document.xml', ['广州市碳达峰试点实施方案', '非化石能源消费比重']],
    ['xlsx', 'pilotPlan.exportXlsx', 'xl/sharedStrings.xml', ['指标 Indicators', '非化石能源消费比重']],
  ] as const) {
    it(`${command} writes the plan of the active editor as .${format} where the save dialog says, offering its folder’s name beside it`, async () => {
      const file = wsPath(`exported-e2e.${format}`);
      fs.rmSync(file, { force: true });
      answer = vscode.Uri.file(file);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(command);
      assert.equal(written?.fsPath, file);
      assert.equal(dialogs.length, 1);
      assert.equal(dialogs[0].defaultUri?.fsPath, wsPath('guangzhou', `guangzhou.${format}`));
      assert.deepEqual(Object.values(dialogs[0].filters ?? {}), [[format]]);
      assert.equal(dialogs[0].title, '将方案另存为');
      const text = zipText(fs.readFileSync(file), inside);
      assert.ok(text, `${inside} is not in the file`);
      for (const w of words) assert.ok(text.includes(w), `${w} is not in ${inside}`);
      assert.deepEqual(messages, [[`碳达峰试点方案：已写出 exported-e2e.${format}。`, '打开', '在文件夹中显示']]);
      fs.rmSync(file);
    });
  }

  it('writes nothing when the dialog is cancelled', async () => {
    answer = undefined;
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('pilotPlan.exportDocx');
    assert.equal(written, undefined);
    assert.equal(dialogs.length, 1);
    assert.deepEqual(messages, []);
    assert.ok(!fs.existsSync(wsPath('guangzhou', 'guangzhou.docx')));
  });
});
