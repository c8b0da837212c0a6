/**
 * Parameters of the wrong shape for every method the server handles (initialize aside):
 * null, numbers, empty objects, URIs that are no text, positions below zero or beyond any
 * integer, ranges that end before they start, texts that are no text. A request must be
 * answered InvalidParams, a notification ignored; after each, the server must still answer
 * a hover as before and publish the right diagnostics for a real edit, and at the end every
 * file of the workspace must be what `pilot-plan check` says.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient, find, tempDir, uriOf } from './client';
import { brokenGuangzhou, cliCheck, expectWorkspaceLikeCli } from './fixtures';

const INVALID_PARAMS = -32602;

/** Requests the server answers, and the notifications it handles, by the capability that announces them. */
const REQUESTS = [
  'shutdown',
  'pilotPlan/checkWorkspace',
  'pilotPlan/newProgress',
  'pilotPlan/planTree',
  'textDocument/completion',
  'textDocument/hover',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/prepareRename',
  'textDocument/rename',
  'textDocument/documentSymbol',
  'workspace/symbol',
  'workspaceSymbol/resolve',
  'textDocument/codeAction',
  'textDocument/codeLens',
  'codeLens/resolve',
  'workspace/executeCommand',
];
const NOTIFICATIONS = [
  'pilotPlan/activeDocument',
  'initialized',
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/didClose',
  'textDocument/willSave',
  'textDocument/didSave',
  'workspace/didChangeWatchedFiles',
  'workspace/didChangeWorkspaceFolders',
  '$/setTrace',
  '$/cancelRequest',
];

/** What each advertised capability makes a client send. */
const BY_CAPABILITY: Record<string, string[]> = {
  textDocumentSync: ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose'],
  completionProvider: ['textDocument/completion'],
  hoverProvider: ['textDocument/hover'],
  definitionProvider: ['textDocument/definition'],
  referencesProvider: ['textDocument/references'],
  renameProvider: ['textDocument/prepareRename', 'textDocument/rename'],
  documentSymbolProvider: ['textDocument/documentSymbol'],
  workspaceSymbolProvider: ['workspace/symbol', 'workspaceSymbol/resolve'],
  codeActionProvider: ['textDocument/codeAction'],
  codeLensProvider: ['textDocument/codeLens', 'codeLens/resolve'],
  executeCommandProvider: ['workspace/executeCommand'],
  workspace: ['workspace/didChangeWorkspaceFolders'],
};

const pos = (line: number, character: number) => ({ line, character });

/** Methods that read a text document and nothing else: a valid one with other fields beside it is well-formed. */
const DOCUMENT_ONLY = new Set(['textDocument/documentSymbol', 'textDocument/codeLens', 'textDocument/didClose', 'textDocument/willSave', 'textDocument/didSave']);

/** The shapes a method gets: the common ones that are wrong for it, and its own. */
function shapesFor(method: string, uri: string, text: string): unknown[] {
  let common = badShapes(uri);
  // Take no parameters, or only optional ones: any object will do.
  if (method === 'pilotPlan/checkWorkspace' || method === 'pilotPlan/planTree') common = [];
  if (DOCUMENT_ONLY.has(method)) common = common.filter((s) => (s as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri !== uri);
  return [...common, ...moreShapes(method, uri, text)];
}

/** Shapes every method gets: none of them is what any method takes. */
function badShapes(uri: string): unknown[] {
  return [
    null,
    42,
    'text',
    [],
    {},
    { uri: 42 },
    { textDocument: { uri: [] } },
    { textDocument: null, position: pos(0, 0) },
    { textDocument: { uri }, position: pos(-1, 0) },
    { textDocument: { uri }, position: pos(0, -5) },
    { textDocument: { uri }, position: pos(2 ** 40, 1e308) },
    { textDocument: { uri }, position: pos(1.5, 0) },
    { textDocument: { uri }, position: { line: '3', character: '1' } },
    { textDocument: { uri }, position: pos(Number.NaN, 0) },
    { textDocument: { uri: 'x'.repeat(1 << 20) }, position: pos(0, 0) },
    { textDocument: { uri: 'file://elsewhere/x.pilot.yaml' }, position: pos(0, 0) },
    { textDocument: { uri: 'file:///a%2Fb.pilot.yaml' }, position: pos(0, 0) },
    { textDocument: { uri }, range: { start: pos(5, 0), end: pos(2, 0) }, context: { diagnostics: [] } },
  ];
}

/** Shapes a particular method gets besides: the fields it reads, each wrong in turn. */
function moreShapes(method: string, uri: string, text: string): unknown[] {
  const doc = { uri };
  const at = pos(1, 0);
  switch (method) {
    case 'textDocument/didOpen':
      return [
        { textDocument: { uri, languageId: 'pilot-plan', version: 1, text: 42 } },
        { textDocument: { uri: 42, languageId: 'pilot-plan', version: 1, text } },
        { textDocument: { uri, languageId: 'pilot-plan', version: 'one', text } },
        { textDocument: { uri, languageId: 7, version: 1, text } },
      ];
    case 'textDocument/didChange':
      return [
        { textDocument: { uri, version: 99 }, contentChanges: 42 },
        { textDocument: { uri, version: 99 }, contentChanges: [{ text: 42 }] },
        { textDocument: { uri, version: 99 }, contentChanges: [null] },
        { textDocument: { uri, version: 99 }, contentChanges: [{ range: { start: pos(5, 0), end: pos(2, 0) }, text: 'x' }] },
        { textDocument: { uri, version: 99 }, contentChanges: [{ range: { start: pos(-1, 0), end: pos(0, 0) }, text: 'x' }] },
        { textDocument: { uri, version: 99 }, contentChanges: [{ range: { start: pos(0, 0), end: pos(0, 1.5) }, text: 'x' }] },
        { textDocument: { uri, version: null }, contentChanges: [{ text: 'x' }] },
        { textDocument: { uri: 42, version: 99 }, contentChanges: [{ text: 'x' }] },
      ];
    case 'textDocument/didClose':
    case 'textDocument/willSave':
    case 'textDocument/didSave':
      return [{ textDocument: { uri: 42 } }, { textDocument: { uri: null }, reason: 1 }, { textDocument: { uri: '' } }];
    case 'workspace/didChangeWatchedFiles':
      return [{ changes: 42 }, { changes: [null] }, { changes: [{ uri: 42, type: 2 }] }, { changes: [{ uri, type: 99 }] }, { changes: [{ uri, type: '2' }] }];
    case 'workspace/didChangeWorkspaceFolders':
      return [{ event: 42 }, { event: { added: [{ uri: 42, name: 'x' }], removed: [] } }, { event: { added: null, removed: null } }, { event: { added: [], removed: [null] } }];
    case 'pilotPlan/activeDocument':
      return [{ uri: 42 }, { uri: null }, { uri: ['file:///x'] }, { uri: 'x'.repeat(1 << 20) }, { uri: 'file://elsewhere/x' }];
    case 'pilotPlan/checkWorkspace':
      return [42, 'all', [1]];
    case 'pilotPlan/newProgress':
      return [{ uri: 42 }, { uri: null }, {}, { uri: 'x'.repeat(1 << 20) }];
    case 'pilotPlan/planTree':
      return [42, { tasksBy: 'colour' }, { activeUri: 42 }];
    case 'textDocument/references':
      return [{ textDocument: doc, position: at, context: 42 }, { textDocument: doc, position: at, context: { includeDeclaration: 'yes' } }];
    case 'textDocument/rename':
      return [{ textDocument: doc, position: at, newName: 42 }, { textDocument: doc, position: at }, { textDocument: doc, position: at, newName: 'T-'.repeat(1 << 19) }];
    case 'textDocument/completion':
      return [{ textDocument: doc, position: at, context: 42 }];
    case 'workspace/symbol':
      return [{ query: 42 }, { query: null }, { query: 'x'.repeat(1 << 20) }];
    case 'workspaceSymbol/resolve':
      return [{ name: 42 }, { name: 'T-ENERGY-GRID', kind: 5, location: { uri }, data: { file: 42, path: 'x' } }, { name: 'T-ENERGY-GRID', kind: 5, location: { uri: 42 } }];
    case 'textDocument/codeAction':
      return [
        { textDocument: doc, range: { start: at, end: at }, context: 42 },
        { textDocument: doc, range: { start: at, end: at }, context: { diagnostics: 42 } },
        { textDocument: doc, range: { start: at, end: at }, context: { diagnostics: [{ range: 42, message: 'x', source: 'pilot-plan', code: 'schema' }] } },
        { textDocument: doc, range: { start: at, end: at }, context: { diagnostics: [{ range: { start: pos(9, 0), end: pos(1, 0) }, message: 'x', source: 'pilot-plan', code: 'schema' }] } },
        { textDocument: doc, range: { start: at, end: at }, context: { diagnostics: [], only: 42 } },
      ];
    case 'textDocument/codeLens':
    case 'textDocument/documentSymbol':
      return [{ textDocument: { uri: 42 } }];
    case 'codeLens/resolve':
      return [{ range: 42 }, { range: { start: at, end: at }, data: { uri: 42, id: 'T-ENERGY-GRID' } }, { range: { start: at, end: at }, data: { uri, id: ['T'] } }, { range: { start: pos(3, 0), end: at }, data: { uri, id: 'T-ENERGY-GRID' } }];
    case 'workspace/executeCommand':
      return [
        { command: 42 },
        { command: 'pilot-plan.server.showReferences', arguments: 42 },
        { command: 'pilot-plan.server.showReferences', arguments: [42, null, 'x'] },
        { command: 'pilot-plan.server.showReferences', arguments: [uri, pos(-1, 0), [{ uri: 42, range: { start: at, end: at } }]] },
        { command: 'pilot-plan.server.showReferences', arguments: [uri, at, [{ uri, range: { start: pos(1.5, 0), end: at } }]] },
      ];
    case '$/setTrace':
      return [{ value: 42 }, { value: 'loud' }];
    case '$/cancelRequest':
      return [{ id: null }, { id: { x: 1 } }];
    default:
      return [];
  }
}

describe('lsp: parameters of the wrong shape', function () {
  this.timeout(180000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('the probe covers every method the server announces', async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    const caps = client.initializeResult.capabilities as Record<string, unknown>;
    for (const cap of Object.keys(caps)) {
      assert.ok(BY_CAPABILITY[cap], `a capability the probe does not know: ${cap}`);
      for (const m of BY_CAPABILITY[cap]) assert.ok(REQUESTS.includes(m) || NOTIFICATIONS.includes(m), m);
    }
  });

  it('pilotPlan/activeDocument {"uri":42} is ignored: later checks finish, with their status and the workspace counts', async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    const c = client;
    const file = p.path('tasks/energy.pilot.yaml');
    c.open(file);
    await c.diagnosticsFor(file, (d) => d.some((x) => x.code === 'unresolved-reference'));
    await c.waitFor('the status of the first check', () => c.notifications.find((n) => n.method === 'pilotPlan/status'));
    c.conn.sendNotification('pilotPlan/activeDocument', { uri: 42 });
    // A closed file changes on disk (no edit, which would name the active document again).
    const since = c.notifications.length;
    p.write('projects.pilot.yaml', p.read('projects.pilot.yaml').replace('status: under-constructon', 'status: under-construction'));
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(p.path('projects.pilot.yaml')), type: 2 }] });
    await c.diagnosticsFor(p.path('projects.pilot.yaml'), (d) => !d.some((x) => x.code === 'schema'));
    await c.waitFor('a status notification of the open file after the check', () => c.notifications.slice(since).find((n) => n.method === 'pilotPlan/status' && (n.params as { uri: string }).uri === uriOf(file)), 5000);
    const result = await c.request<{ plans: number; files: number; errors: number; warnings: number; infos: number }>('pilotPlan/checkWorkspace', {});
    assert.deepEqual({ plans: result.plans, files: result.files, errors: result.errors, warnings: result.warnings, infos: result.infos }, { plans: 1, ...cliCheck(p.dir).summary });
    await expectWorkspaceLikeCli(c, p.dir, 'the edit after the notification');
    assert.ok(!c.logs.some((l) => /failed/.test(l)), c.logs.join('\n'));
  });

  it('answers InvalidParams or ignores, and keeps checking right', async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    const c = client;
    const file = p.path('tasks/energy.pilot.yaml');
    const uri = uriOf(file);
    const original = p.read('tasks/energy.pilot.yaml');
    c.open(file);
    await c.diagnosticsFor(file, (d) => d.some((x) => x.code === 'unresolved-reference'));
    const hoverAt = { textDocument: { uri }, position: find(original, 'IND-PV-CAPACITY', 3) };
    const hover = await c.request<Hover>('textDocument/hover', hoverAt);
    assert.ok(hover?.contents, 'a hover to compare with');
    let round = 0;

    /** The server answers a hover as before and checks a real edit right. */
    const stillWell = async (what: string) => {
      assert.ok(c.alive, `the server died after ${what}`);
      assert.deepEqual(await c.request<Hover>('textDocument/hover', hoverAt), hover, `hover after ${what}`);
      const ref = `T-PROBE-${++round}`;
      c.change(file, original.replace('dependsOn: [T-ENERGY-GRID]', `dependsOn: [${ref}]`));
      await c.diagnosticsFor(file, (d) => d.some((x) => x.code === 'unresolved-reference' && x.message.includes(`\`${ref}\``)), 5000).catch(() => {
        throw new Error(`no diagnostics for a real edit after ${what}\n${c.logs.slice(-5).join('\n')}`);
      });
    };

    const failures: string[] = [];
    for (const method of REQUESTS.filter((m) => m !== 'shutdown')) {
      for (const params of shapesFor(method, uri, original)) {
        const what = `${method} ${JSON.stringify(params)?.slice(0, 120)}`;
        try {
          await c.request(method, params);
          failures.push(`answered, not InvalidParams: ${what}`);
        } catch (e) {
          const code = (e as { code?: number }).code;
          if (code !== INVALID_PARAMS) failures.push(`error ${code} (${(e as Error).message.slice(0, 100)}), not InvalidParams: ${what}`);
        }
        await stillWell(what);
      }
    }
    assert.deepEqual(failures, []);
    for (const method of NOTIFICATIONS) {
      for (const params of shapesFor(method, uri, original)) {
        c.conn.sendNotification(method, params);
        await stillWell(`${method} ${JSON.stringify(params)?.slice(0, 120)}`);
      }
    }
    assert.ok(!c.logs.some((l) => /check failed|uncaught|unhandled/.test(l)), c.logs.filter((l) => /check failed|uncaught|unhandled/.test(l)).join('\n'));
    // The document was edited only by the real edits; back to the file on disk, every file is as the CLI says.
    c.change(file, original);
    await expectWorkspaceLikeCli(c, p.dir, 'the probe');
  });

  it('answers odd but well-formed requests without an internal error, and changes no plan', async () => {
    const p = brokenGuangzhou();
    const elsewhere = tempDir('pilot-lsp-elsewhere-');
    fs.writeFileSync(nodePath.join(elsewhere, 'notes.yaml'), 'kind: Plan\nid: X\n');
    fs.writeFileSync(p.path('README.yaml'), 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - {id: T-README, title: 说明, area: other, lead: x}\n');
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    const c = client;
    c.open(p.path('plan.pilot.yaml'));
    c.open(p.path('pilot-plan.config.yaml'));
    await expectWorkspaceLikeCli(c, p.dir, 'opening');
    // Files that are no open document and no plan file, a configuration file, a file that does not exist.
    const uris = [uriOf(p.path('README.yaml')), uriOf(nodePath.join(elsewhere, 'notes.yaml')), uriOf(p.path('pilot-plan.config.yaml')), uriOf(p.path('nope.pilot.yaml')), 'untitled:Untitled-1'];
    for (const u of uris) {
      for (const position of [pos(0, 0), pos(3, 2), pos(2 ** 31 - 1, 2 ** 31 - 1)]) {
        for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/documentSymbol', 'textDocument/codeLens']) {
          await c.request(method, { textDocument: { uri: u }, position, context: { includeDeclaration: true } });
        }
        await c.request('textDocument/codeAction', { textDocument: { uri: u }, range: { start: position, end: position }, context: { diagnostics: [{ range: { start: position, end: position }, message: 'x', source: 'pilot-plan', code: 'schema' }] } });
        await c.request('textDocument/rename', { textDocument: { uri: u }, position, newName: 'T-NEW' }).catch((e: { code?: number }) => assert.notEqual(e.code, -32603));
      }
      c.conn.sendNotification('pilotPlan/activeDocument', { uri: u });
    }
    assert.ok(!c.logs.some((l) => /failed|uncaught|unhandled/.test(l)), c.logs.filter((l) => /failed|uncaught|unhandled/.test(l)).join('\n'));
    // A change of structure re-checks what the server knows: none of those files joined a plan.
    const planText = p.read('plan.pilot.yaml');
    p.write('plan.pilot.yaml', planText.replace('kind: Plan', 'kind: Tasks'));
    c.change(p.path('plan.pilot.yaml'), p.read('plan.pilot.yaml'));
    await expectWorkspaceLikeCli(c, p.dir, 'the Plan file edited away');
    p.write('plan.pilot.yaml', planText);
    c.change(p.path('plan.pilot.yaml'), planText);
    await expectWorkspaceLikeCli(c, p.dir, 'and back');
    assert.equal(c.diagnostics.get(uriOf(nodePath.join(elsewhere, 'notes.yaml'))), undefined, 'a file elsewhere got diagnostics');
    assert.equal(c.diagnostics.get(uriOf(p.path('README.yaml'))), undefined, 'a file that is no plan file got diagnostics');
  });

  for (const [what, capabilities] of [
    ['no capabilities at all', {}],
    ['no workspace folders', { workspace: { workspaceFolders: false, didChangeWatchedFiles: { dynamicRegistration: true } } }],
  ] as const) {
    it(`a client with ${what}: initialized, then checks`, async () => {
      const p = brokenGuangzhou();
      client = await LspClient.start({ folder: p.dir, capabilities });
      const file = p.path('tasks/energy.pilot.yaml');
      client.open(file);
      await client.diagnosticsFor(file, (d) => d.some((x) => x.code === 'unresolved-reference'));
      assert.ok(!client.logs.some((l) => /failed/.test(l)) && !/failed/.test(client.stderr), `${client.logs.join('\n')}\n${client.stderr}`);
    });
  }
});
