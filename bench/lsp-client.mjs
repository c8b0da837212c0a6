// A minimal LSP client for timing: spawn a server over stdio, initialize it, open and edit
// documents, and time each notification up to the publishDiagnostics for that document.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

// Servers still running when the benchmark exits (an error, Ctrl-C) are ended with it.
const live = new Set();
process.on('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

export class LspSession {
  /**
   * @param {object} o
   * @param {string} o.name    label for messages
   * @param {string[]} o.command  [executable, ...args]
   * @param {string} o.rootDir  the workspace folder
   * @param {object} o.settings  answered to workspace/configuration (by section) and sent with didChangeConfiguration
   */
  constructor({ name, command, rootDir, settings = {}, env, initializationOptions = {}, doneNotifications = [], transport }) {
    this.name = name;
    this.initializationOptions = initializationOptions;
    this.rootDir = rootDir;
    this.settings = settings;
    this.stderr = '';
    // A `transport` ({ reader, writer, exited, kill }) in place of a process: the web worker server (worker-server.mjs).
    if (transport) {
      this.transport = transport;
      this.exited = transport.exited;
      this.conn = rpc.createMessageConnection(transport.reader, transport.writer);
    } else {
      this.proc = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
      this.proc.stderr.on('data', (b) => {
        if (this.stderr.length < 20_000) this.stderr += b;
      });
      live.add(this.proc);
      this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
      this.exited.then(() => live.delete(this.proc));
      this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.proc.stdout), new rpc.StreamMessageWriter(this.proc.stdin));
    }
    this.exited.then((x) => {
      this.exitInfo = x;
      for (const w of this.waiters.splice(0)) w.reject(new Error(`${name} exited (${JSON.stringify(x)}): ${this.stderr.slice(-2000)}`));
    });
    this.waiters = [];
    this.latest = new Map(); // uri → last diagnostics
    this.counts = new Map(); // uri → number of publishDiagnostics received
    const done = (uri, diagnostics, via) => {
      const at = performance.now();
      for (let i = 0; i < this.waiters.length; i++) {
        const w = this.waiters[i];
        if (w.uris.has(uri)) {
          w.uris.delete(uri);
          w.got.set(uri, diagnostics);
          if (w.uris.size === 0) {
            this.waiters.splice(i--, 1);
            w.resolve({ at, diagnostics, all: w.got, via });
          }
        }
      }
    };
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      this.latest.set(p.uri, p.diagnostics);
      this.counts.set(p.uri, (this.counts.get(p.uri) ?? 0) + 1);
      done(p.uri, p.diagnostics, 'publishDiagnostics');
    });
    // A server that publishes only diagnostics that changed can name another notification that
    // ends a check of a document (params.uri): then an unchanged (already shown) result counts.
    for (const method of doneNotifications) {
      this.conn.onNotification(method, (p) => {
        if (p?.uri) done(p.uri, this.latest.get(p.uri) ?? [], method);
      });
    }
    this.conn.onRequest('workspace/configuration', (p) => p.items.map((it) => (it.section ? this.section(it.section) : this.settings) ?? null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(rootDir).href, name: 'bench' }]);
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onNotification('window/logMessage', () => {});
    this.conn.onNotification('window/showMessage', () => {});
    this.conn.onNotification('telemetry/event', () => {});
    this.conn.onNotification(() => {});
    this.conn.onRequest((method) => {
      // Unknown server → client requests get an empty answer rather than hanging the server.
      return null;
    });
    this.conn.listen();
    this.docs = new Map(); // uri → { text, version }
    this.versions = new Map(); // uri → last version sent
  }

  section(name) {
    let v = this.settings;
    for (const k of name.split('.')) v = v?.[k];
    return v;
  }

  get pid() {
    return this.proc?.pid;
  }

  async initialize(timeoutMs = 30_000) {
    const rootUri = pathToFileURL(this.rootDir).href;
    const init = this.conn.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'pilot-plan-bench', version: '1' },
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      initializationOptions: this.initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: { workDoneProgress: false },
      },
    });
    const res = await withTimeout(Promise.race([init, this.exited.then((x) => Promise.reject(new Error(`${this.name} exited during initialize ${JSON.stringify(x)}: ${this.stderr.slice(-2000)}`)))]), timeoutMs, `${this.name}: initialize`);
    this.capabilities = res.capabilities;
    const sync = res.capabilities?.textDocumentSync;
    this.syncKind = typeof sync === 'number' ? sync : sync?.change ?? 1;
    this.conn.sendNotification('initialized', {});
    this.conn.sendNotification('workspace/didChangeConfiguration', { settings: this.settings });
    return res;
  }

  /** Resolves when every uri has had a publishDiagnostics after now. */
  waitDiagnostics(uris, timeoutMs, what) {
    let w;
    const p = new Promise((resolve, reject) => {
      w = { uris: new Set(uris), got: new Map(), resolve, reject };
      this.waiters.push(w);
    });
    return withTimeout(p, timeoutMs, `${this.name}: ${what}`, () => {
      const i = this.waiters.indexOf(w);
      if (i >= 0) this.waiters.splice(i, 1);
    });
  }

  open(path, text = readFileSync(path, 'utf8')) {
    const uri = pathToFileURL(path).href;
    // Versions keep growing across close and reopen: yaml-language-server caches parsed
    // documents by URI and version, and would answer a reopened version 1 from its stale parse.
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.docs.set(uri, { text, version });
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    return uri;
  }

  close(uri) {
    this.docs.delete(uri);
    this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Opens a document and times didOpen → its first publishDiagnostics. */
  async timeOpen(path, timeoutMs, suffix = '') {
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8') + suffix;
    const wait = this.waitDiagnostics([uri], timeoutMs, `didOpen ${path}`);
    const t0 = performance.now();
    this.open(path, text);
    const r = await wait;
    return { uri, ms: r.at - t0, diagnostics: r.diagnostics, via: r.via };
  }

  /** Replaces the rest of line `line` (1-based) from `column` (0-based, UTF-16) with `text`, as one didChange, and times it to the next publishDiagnostics. */
  async timeLineEdit(uri, line, column, text, timeoutMs) {
    const doc = this.docs.get(uri);
    const lines = doc.text.split('\n');
    const old = lines[line - 1];
    lines[line - 1] = old.slice(0, column) + text;
    doc.text = lines.join('\n');
    doc.version++;
    this.versions.set(uri, doc.version);
    const range = { start: { line: line - 1, character: column }, end: { line: line - 1, character: old.length } };
    const change = this.syncKind === 2 ? { range, text } : { text: doc.text };
    const wait = this.waitDiagnostics([uri], timeoutMs, `didChange line ${line}`);
    const t0 = performance.now();
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
    const r = await wait;
    return { ms: r.at - t0, diagnostics: r.diagnostics, via: r.via };
  }

  /** Resident and peak memory of the server process, from /proc (Linux). */
  memory() {
    if (!this.proc) return undefined;
    try {
      const s = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
      return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
    } catch {
      return undefined;
    }
  }

  async shutdown() {
    if (this.exitInfo) return;
    try {
      await withTimeout(this.conn.sendRequest('shutdown'), 5000, 'shutdown');
      this.conn.sendNotification('exit');
    } catch {
      /* killed below */
    }
    if (this.transport) await this.transport.kill();
    else await withTimeout(this.exited, 3000, 'exit').catch(() => this.proc.kill('SIGKILL'));
    this.conn.dispose();
  }
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function withTimeout(p, ms, what, onTimeout) {
  let timer;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => {
        onTimeout?.();
        reject(new Error(`timeout after ${ms} ms: ${what}`));
      }, ms);
    }),
  ]);
}
