import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabels, hoverText, lineOf, open, posOf, sameUri, screenshot, waitFor, wsUri } from './util';

/** Completion, hover and go-to-definition through VS Code's own command API, as the editor asks for them. */
describe('language features', () => {
  const tasksUri = () => wsUri('guangzhou', 'tasks', 'energy.pilot.yaml');
  const indicatorsUri = () => wsUri('guangzhou', 'indicators.pilot.yaml');
  let tasks: vscode.TextDocument;
  let areaLine: number; // `    area: energy-transition` of T-ENERGY-GRID
  let refLine: number; // `    indicators: [IND-NONFOSSIL-SHARE]` of T-ENERGY-GRID

  before(async () => {
    tasks = await open(tasksUri(), true);
    const text = tasks.getText();
    areaLine = lineOf(text, /^ {4}area: energy-transition/);
    refLine = lineOf(text, /^ {4}indicators: \[IND-NONFOSSIL-SHARE\]/);
  });

  /** The server may still be starting: ask until it answers with something. */
  async function completions(pos: vscode.Position): Promise<string[]> {
    return waitFor(`completions at ${pos.line + 1}:${pos.character + 1}`, async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', tasks.uri, pos);
      const labels = completionLabels(list);
      return labels.length ? labels : undefined;
    });
  }

  it('completion of an enum value: area', async () => {
    const labels = await completions(posOf(tasks, areaLine, 'energy-transition'));
    for (const v of ['energy-transition', 'energy-efficiency', 'industry', 'carbon-sink', 'policy-mechanism']) {
      assert.ok(labels.includes(v), `area completions lack ${v}: ${labels.join(', ')}`);
    }
  });

  it('completion of an ID reference offers the indicators defined in another file', async () => {
    const labels = await completions(posOf(tasks, refLine, '[', 1));
    // (IND-NONFOSSIL-SHARE, already in this list, may be left out.)
    for (const id of ['IND-CO2-INTENSITY', 'IND-PV-CAPACITY', 'IND-VPP-CAPACITY', 'IND-FOREST-COVERAGE']) {
      assert.ok(labels.includes(id), `indicator reference completions lack ${id}: ${labels.slice(0, 40).join(', ')}`);
    }
    // Only indicators fit here: no task, project or mechanism IDs.
    const wrongKind = labels.filter((l) => /^(T|P|M|A|R)-/.test(l));
    assert.deepEqual(wrongKind, [], 'IDs of the wrong kind offered for indicators');
  });

  it('screenshot: the completion list', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const editor = await vscode.window.showTextDocument(tasks, { preview: false });
    const pos = posOf(tasks, refLine, '[', 1);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await screenshot('completion', '.editor-widget.suggest-widget.visible .monaco-list-row');
    await vscode.commands.executeCommand('hideSuggestWidget');
  });

  async function hover(pos: vscode.Position): Promise<string> {
    return waitFor(`a hover at ${pos.line + 1}:${pos.character + 1}`, async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', tasks.uri, pos);
      const text = hoverText(hs ?? []).trim();
      return text.length ? text : undefined;
    });
  }

  it('hover on a key explains the field', async () => {
    const text = await hover(posOf(tasks, areaLine, 'area', 1));
    assert.ok(text.length > 10, `hover on area too short: ${text}`);
  });

  it('hover on a reference shows the referenced indicator', async () => {
    const text = await hover(posOf(tasks, refLine, 'IND-NONFOSSIL-SHARE', 4));
    assert.match(text, /非化石能源消费比重/, `hover on IND-NONFOSSIL-SHARE: ${text}`);
  });

  it('screenshot: a hover', async () => {
    const editor = await vscode.window.showTextDocument(tasks, { preview: false });
    const pos = posOf(tasks, refLine, 'IND-NONFOSSIL-SHARE', 4);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover', '.monaco-editor .monaco-hover .hover-contents');
  });

  it('go to definition of a reference opens the other file at the definition', async () => {
    const indicators = await open(indicatorsUri());
    const defLine = lineOf(indicators.getText(), /- id: IND-NONFOSSIL-SHARE$/) - 1;
    const pos = posOf(tasks, refLine, 'IND-NONFOSSIL-SHARE', 4);
    const locs = await waitFor('a definition', async () => {
      const r = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', tasks.uri, pos);
      return r?.length ? r : undefined;
    });
    assert.equal(locs.length, 1, `one definition expected, got ${locs.length}`);
    const l = locs[0];
    const uri = 'targetUri' in l ? l.targetUri : l.uri;
    const range = 'targetUri' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range;
    assert.ok(sameUri(uri, indicatorsUri()), `definition in ${uri.toString()}`);
    assert.equal(range.start.line, defLine, `definition at line ${range.start.line + 1}, expected ${defLine + 1}`);
  });
});
