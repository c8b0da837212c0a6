import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf, diagKey, editLine, isPilotFile, isProblem, lineOf, listFiles, open, posOf, sameUri, save, settledDiagnostics,
  waitFor, waitForDiagnostics, wsUri,
} from './util';

/** The text of a YAML line before its comment (a `#` at the start or after a blank, outside quotes). */
function splitComment(line: string): [string, string] {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return [line.slice(0, i), line.slice(i)];
  }
  return [line, ''];
}

/** `text` with the ID `from` renamed to `to` wherever it is a whole token outside comments. */
function renamedOutsideComments(text: string, from: string, to: string): string {
  const re = new RegExp(`(?<![A-Za-z0-9-])${from.replace(/[-]/g, '\\-')}(?![A-Za-z0-9-])`, 'g');
  return text
    .split('\n')
    .map((l) => {
      const [code, comment] = splitComment(l);
      return code.replace(re, to) + comment;
    })
    .join('\n');
}

async function applyAction(a: vscode.CodeAction): Promise<void> {
  if (a.edit) assert.ok(await vscode.workspace.applyEdit(a.edit), 'applyEdit refused the quick fix');
  if (a.command) await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
}

async function quickFixes(uri: vscode.Uri, d: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  return waitFor(`a quick fix matching ${title} for ${diagKey(d)} "${d.message}"`, async () => {
    const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value,
    );
    return (all ?? []).find((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string') && title.test(a.title));
  });
}

describe('edits', () => {
  const tasksUri = () => wsUri('guangzhou', 'tasks', 'energy.pilot.yaml');

  it('quick fix: a mistyped reference is corrected to the ID it resembles', async () => {
    const doc = await open(tasksUri(), true);
    const original = doc.getText();
    const line = lineOf(original, /^ {4}indicators: \[IND-VPP-CAPACITY\]/);
    await editLine(doc, line, 'IND-VPP-CAPACITY', 'IND-VPP-CAPACTY');
    const ds = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => diagKey(d) === `unresolved-reference@${line}`), `unresolved-reference@${line}`);
    const d = ds.find((d) => diagKey(d) === `unresolved-reference@${line}`)!;
    assert.equal(doc.getText(d.range), 'IND-VPP-CAPACTY');
    assert.match(d.message, /IND-VPP-CAPACITY/, 'the message suggests the right ID');
    await applyAction(await quickFixes(doc.uri, d, /IND-VPP-CAPACITY/));
    assert.equal(doc.getText(), original, 'the quick fix restores the file exactly');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some(isProblem), 'the finding to go');
    await save(doc);
  });

  it('quick fix: a mistyped enum value is corrected to the allowed value it resembles', async () => {
    const doc = await open(tasksUri(), true);
    const original = doc.getText();
    const line = lineOf(original, /^ {4}area: energy-transition/);
    await editLine(doc, line, 'energy-transition', 'energy-transiton');
    const ds = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.range.start.line + 1 === line && isProblem(d)), `a finding at line ${line}`);
    const d = ds.find((d) => d.range.start.line + 1 === line && isProblem(d))!;
    assert.equal(codeOf(d), 'schema');
    await applyAction(await quickFixes(doc.uri, d, /energy-transition/));
    assert.equal(doc.getText(), original, 'the quick fix restores the file exactly');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some(isProblem), 'the finding to go');
    await save(doc);
  });

  it('rename an indicator from a reference in another file: every file as expected, comments kept', async () => {
    const from = 'IND-PV-CAPACITY';
    const to = 'IND-SOLAR-PV-CAPACITY';
    const files = await listFiles(wsUri('guangzhou'), isPilotFile);
    const docs = await Promise.all(files.map((f) => open(f)));
    const expected = new Map(docs.map((d) => [d.uri.toString(), renamedOutsideComments(d.getText(), from, to)]));
    const changed = docs.filter((d) => expected.get(d.uri.toString()) !== d.getText()).map((d) => vscode.workspace.asRelativePath(d.uri));
    assert.ok(changed.length >= 2, `the ID should occur in two files at least: ${changed.join(', ')}`);

    const tasks = docs.find((d) => sameUri(d.uri, tasksUri()))!;
    const pos = posOf(tasks, lineOf(tasks.getText(), /indicators: \[IND-PV-CAPACITY/), from, 3);
    const edit = await waitFor('a rename edit', async () =>
      vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', tasks.uri, pos, to),
    );
    const touched = edit.entries().map(([u]) => vscode.workspace.asRelativePath(u)).sort();
    assert.deepEqual(touched, [...changed].sort(), 'the rename edits exactly the files where the ID occurs');
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the rename');
    for (const d of docs) {
      assert.equal(d.getText(), expected.get(d.uri.toString()), `${vscode.workspace.asRelativePath(d.uri)} after the rename`);
    }
    for (const d of docs) await save(d);
    // The plan is still consistent: no finding about the renamed ID.
    for (const d of docs.filter((d) => changed.includes(vscode.workspace.asRelativePath(d.uri)))) {
      const ds = await settledDiagnostics(d);
      await save(d);
      assert.deepEqual(ds.filter(isProblem).map((x) => `${diagKey(x)} ${x.message}`), []);
    }
  });
});
