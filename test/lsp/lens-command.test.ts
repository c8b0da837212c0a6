/**
 * Code lenses in any client: the command a lens carries is one the server
 * advertises and executes itself (workspace/executeCommand → window/showDocument,
 * window/showMessage), unless the client names its own (VS Code).
 */
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { CodeLens, Location, ShowDocumentParams, ShowMessageParams } from 'vscode-languageserver-protocol';
import { LspClient, find, offsetAt, uriOf } from './client';
import { cleanGuangzhou, type Plan } from './fixtures';
import { SERVER_SHOW_REFERENCES_COMMAND, SHOW_REFERENCES_COMMAND } from '../../server/src/lsp/protocol';

/** A client that can open a document the server asks it to (Neovim ≥ 0.10 and most others). */
const SHOWS_DOCUMENTS = { window: { showDocument: { support: true } }, textDocument: { codeLens: {} } };

describe('lsp: code lens commands for any client', function () {
  this.timeout(60000);
  let p: Plan;
  before(() => {
    p = cleanGuangzhou();
  });

  async function lensOn(client: LspClient, rel: string, id: string, text = p.read(rel)): Promise<CodeLens> {
    const file = p.path(rel);
    if (!client.isOpen(file)) client.open(file);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file) } });
    const line = find(text, `id: ${id}`).line;
    const lens = lenses.find((l) => l.range.start.line === line);
    assert.ok(lens, `no lens on ${id}`);
    return client.request<CodeLens>('codeLens/resolve', lens);
  }

  /** The text a location's range covers on disk. */
  function textAt(l: Location): string {
    const path = decodeURIComponent(new URL(l.uri).pathname);
    const text = p.read(path.slice(p.dir.length + 1));
    return text.slice(offsetAt(text, l.range.start), offsetAt(text, l.range.end));
  }

  /** The tasks that use an indicator, from the files themselves. */
  function usersOf(indicator: string): string[] {
    const out: string[] = [];
    for (const rel of ['tasks/energy.pilot.yaml', 'tasks/industry-buildings.pilot.yaml', 'tasks/transport-others.pilot.yaml']) {
      for (const t of parse(p.read(rel)).tasks as { id: string; indicators?: string[] }[]) if (t.indicators?.includes(indicator)) out.push(t.id);
    }
    return out;
  }

  const showMessages = (client: LspClient) => client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => n.params as ShowMessageParams);
  const showDocuments = (client: LspClient) => client.serverRequests.filter((r) => r.method === 'window/showDocument').map((r) => r.params as ShowDocumentParams);

  it('a plain client: lenses carry the command the server advertises; executing it shows the first place and lists them all', async () => {
    const client = await LspClient.start({ folder: p.dir, locale: 'zh-cn', capabilities: SHOWS_DOCUMENTS });
    try {
      const advertised = client.initializeResult.capabilities.executeCommandProvider?.commands ?? [];
      assert.deepEqual(advertised, [SERVER_SHOW_REFERENCES_COMMAND]);
      assert.notEqual(SERVER_SHOW_REFERENCES_COMMAND, SHOW_REFERENCES_COMMAND);

      // A task with one project: the project is opened, nothing else is said.
      const lens = await lensOn(client, 'tasks/energy.pilot.yaml', 'T-ENERGY-GRID');
      assert.ok(advertised.includes(lens.command!.command), `lens command ${lens.command!.command} is not advertised`);
      const [uri, position, locations] = lens.command!.arguments as [string, unknown, Location[]];
      assert.equal(uri, uriOf(p.path('tasks/energy.pilot.yaml')));
      assert.deepEqual(position, lens.range.start);
      assert.deepEqual(locations.map(textAt), ['P-GRID-500KV']);
      const result = await client.request('workspace/executeCommand', { command: lens.command!.command, arguments: lens.command!.arguments });
      assert.equal(result, null);
      const [shown] = await client.waitFor('window/showDocument', () => showDocuments(client).length === 1 && showDocuments(client));
      assert.equal(shown.uri, uriOf(p.path('projects.pilot.yaml')));
      assert.equal(shown.takeFocus, true);
      assert.equal(textAt({ uri: shown.uri, range: shown.selection! }), 'P-GRID-500KV');
      assert.deepEqual(showMessages(client), []);

      // An indicator used by several tasks: the first is opened, and a message lists every place.
      const users = usersOf('IND-NONFOSSIL-SHARE');
      assert.ok(users.length >= 2, users.join());
      const ind = await lensOn(client, 'indicators.pilot.yaml', 'IND-NONFOSSIL-SHARE');
      const places = (ind.command!.arguments as [string, unknown, Location[]])[2];
      await client.request('workspace/executeCommand', { command: ind.command!.command, arguments: ind.command!.arguments });
      const [message] = await client.waitFor('window/showMessage', () => showMessages(client).length === 1 && showMessages(client));
      assert.equal(showDocuments(client).length, 2);
      assert.equal(textAt({ uri: showDocuments(client)[1].uri, range: showDocuments(client)[1].selection! }), users[0]);
      assert.equal(message.type, 3); // Info
      const lines = message.message.split('\n');
      assert.equal(lines[0], `IND-NONFOSSIL-SHARE：${users.length} 处`);
      assert.deepEqual(
        lines.slice(1),
        places.map((l) => {
          const rel = decodeURIComponent(new URL(l.uri).pathname).slice(p.dir.length + 1);
          return `  ${rel}:${l.range.start.line + 1}:${l.range.start.character + 1}  ${textAt(l)}`;
        }),
      );
      assert.deepEqual(lines.slice(1).map((l) => l.trim().split(/\s+/)[1]), users);
    } finally {
      await client.stop();
    }
  });

  it('a client that cannot show documents: executing the command lists the places in a message', async () => {
    const client = await LspClient.start({ folder: p.dir, locale: 'en', capabilities: {} });
    try {
      const lens = await lensOn(client, 'tasks/energy.pilot.yaml', 'T-ENERGY-GRID');
      assert.equal(lens.command!.command, SERVER_SHOW_REFERENCES_COMMAND);
      await client.request('workspace/executeCommand', { command: lens.command!.command, arguments: lens.command!.arguments });
      const [message] = await client.waitFor('window/showMessage', () => showMessages(client).length === 1 && showMessages(client));
      const line = find(p.read('projects.pilot.yaml'), 'P-GRID-500KV');
      assert.equal(message.message, `T-ENERGY-GRID: 1 place\n  projects.pilot.yaml:${line.line + 1}:${line.character + 1}  P-GRID-500KV`);
      assert.deepEqual(showDocuments(client), []);
      // A client this plain (no workspace folder changes, no file watching) is served without a failing handler.
      assert.deepEqual(client.logs.filter((l) => /failed/.test(l)), []);
      // A lens with nothing to show is a label: no command to run.
      const rel = 'tasks/energy.pilot.yaml';
      const text = p.read(rel);
      const lonely = '  - id: T-ENERGY-LONELY\n    title: 无项目的任务\n    area: energy\n    lead: 市发展改革委\n    indicators: [IND-NONFOSSIL-SHARE]\n';
      client.change(p.path(rel), text.replace(/\n\s*$/, '\n') + lonely);
      const none = await lensOn(client, rel, 'T-ENERGY-LONELY', client.text(p.path(rel)));
      assert.equal(none.command!.title, 'no projects');
      assert.equal(none.command!.command, '');
    } finally {
      await client.stop();
    }
  });

  it('VS Code: lenses carry the client\'s own command, which it names in its initialization options', async () => {
    const client = await LspClient.start({ folder: p.dir, initializationOptions: { showReferencesCommand: SHOW_REFERENCES_COMMAND } });
    try {
      const lens = await lensOn(client, 'tasks/energy.pilot.yaml', 'T-ENERGY-GRID');
      assert.equal(lens.command!.command, SHOW_REFERENCES_COMMAND);
      const [uri, position, locations] = lens.command!.arguments as [string, unknown, Location[]];
      assert.equal(uri, uriOf(p.path('tasks/energy.pilot.yaml')));
      assert.deepEqual(position, lens.range.start);
      assert.deepEqual(locations.map(textAt), ['P-GRID-500KV']);
    } finally {
      await client.stop();
    }
  });
});
