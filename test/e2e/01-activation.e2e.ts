import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, open, waitFor, wsUri } from './util';

describe('activation', () => {
  it('the extension is installed under its package.json id', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    // getExtension sees the extensions of the suite's own extension host: the extension must run in it (on the web, the web worker one).
    assert.ok(ext, `extension ${EXTENSION_ID} not found in this extension host; loaded here: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
    assert.equal(ext.packageJSON.name, 'pilot-plan');
  });

  it('activates when a .pilot.yaml file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const doc = await open(wsUri('guangzhou', 'plan.pilot.yaml'), true);
    await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive);
    // The document is handed to the extension's own language, not plain YAML.
    const languages: string[] = (ext.packageJSON.contributes?.languages ?? []).map((l: { id: string }) => l.id);
    assert.ok(languages.length > 0, 'package.json contributes no language');
    assert.ok(languages.includes(doc.languageId), `opened as ${doc.languageId}; the extension contributes ${languages.join(', ')}`);
  });
});
