import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PilotPlanApi } from '../../client/src/extension';
import { zipText } from '../util/zip';
import { inNodeHost } from './env';
import { EXTENSION_ID, exists, open, remove, wsUri } from './util';

type Window = {
  showSaveDialog: typeof vscode.window.showSaveDialog;
  showInformationMessage: (message: string, ...items: string[]) => Thenable<string | undefined>;
  showErrorMessage: (message: string, ...items: string[]) => Thenable<string | undefined>;
};

/** Export to Word / Excel in Chinese: the save dialog answered by the test, the file written where it said, the message after. */
describe('Export to Word / Excel (pilotPlan.locale: zh-CN)', () => {
  const config = () => vscode.workspace.getConfiguration('pilotPlan');
  const win = vscode.window as unknown as Window;
  const real = { showSaveDialog: win.showSaveDialog, showInformationMessage: win.showInformationMessage, showErrorMessage: win.showErrorMessage };
  let dialogs: vscode.SaveDialogOptions[] = [];
  let messages: string[][] = [];
  let errors: string[] = [];
  let answer: vscode.Uri | undefined;
  // The web worker's server carries neither docx nor exceljs: there the commands are hidden, and asked anyway they say why.
  const nodeOnly = inNodeHost ? it : it.skip;
  const why = inNodeHost ? '' : ' (not in the web worker host: Export to Word / Excel is hidden there)';

  before(async () => {
    await vscode.extensions.getExtension<PilotPlanApi>(EXTENSION_ID)!.activate();
    await config().update('locale', 'zh-CN', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await open(wsUri('guangzhou', 'indicators.pilot.yaml'), true);
    // The dialog and the messages as the user would answer them: the save dialog says where, no button is clicked.
    win.showSaveDialog = async (options) => {
      dialogs.push(options ?? {});
      return answer;
    };
    win.showInformationMessage = async (message: string, ...items: string[]) => {
      messages.push([message, ...items]);
      return undefined;
    };
    win.showErrorMessage = async (message: string) => {
      errors.push(message);
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
    errors = [];
  });

  for (const [format, command, inside, words] of [
    ['docx', 'pilotPlan.exportDocx', 'word/document.xml', ['广州市碳达峰试点实施方案', '非化石能源消费比重']],
    ['xlsx', 'pilotPlan.exportXlsx', 'xl/sharedStrings.xml', ['指标 Indicators', '非化石能源消费比重']],
  ] as const) {
    nodeOnly(`${command} writes the plan of a file (the Explorer's argument) as .${format} where the save dialog says, offering its folder’s name beside it${why}`, async () => {
      const file = wsUri(`exported-e2e.${format}`);
      await remove(file);
      answer = file;
      // The file as the Explorer's context menu passes it: the active editor may be another after the suites before.
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, wsUri('guangzhou', 'indicators.pilot.yaml'));
      assert.equal(written?.toString(), file.toString(), JSON.stringify({ errors, messages }));
      assert.equal(dialogs.length, 1);
      assert.equal(dialogs[0].defaultUri?.toString(), wsUri('guangzhou', `guangzhou.${format}`).toString());
      assert.deepEqual(Object.values(dialogs[0].filters ?? {}), [[format]]);
      assert.equal(dialogs[0].title, '将方案另存为');
      const text = zipText(Buffer.from(await vscode.workspace.fs.readFile(file)), inside);
      assert.ok(text, `${inside} is not in the file`);
      for (const w of words) assert.ok(text.includes(w), `${w} is not in ${inside}`);
      assert.deepEqual(messages, [[`碳达峰试点方案：已写出 exported-e2e.${format}。`, '打开', '在文件夹中显示']]);
      await remove(file);
    });
  }

  nodeOnly(`writes nothing when the dialog is cancelled${why}`, async () => {
    answer = undefined;
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('pilotPlan.exportDocx', wsUri('guangzhou', 'indicators.pilot.yaml'));
    assert.equal(written, undefined);
    assert.equal(dialogs.length, 1);
    assert.deepEqual(messages, []);
    assert.ok(!(await exists(wsUri('guangzhou', 'guangzhou.docx'))));
  });

  (inNodeHost ? it.skip : it)(`in the web worker host the commands are disabled (enablement !isWeb): asked anyway, nothing is asked or written${inNodeHost ? ' (the web worker host only)' : ''}`, async () => {
    answer = wsUri('exported-e2e.docx');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('pilotPlan.exportDocx', wsUri('guangzhou', 'indicators.pilot.yaml'));
    assert.equal(written, undefined);
    assert.deepEqual({ dialogs, messages, errors }, { dialogs: [], messages: [], errors: [] });
    assert.ok(!(await exists(answer)));
  });
});
