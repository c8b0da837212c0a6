// Activation time of the extension bundle outside VS Code: require(dist/client.js) with a stub
// `vscode` module, then activate(context). Prints one JSON line. Run by bench/run.mjs in a fresh
// process each time. The real activation inside VS Code (host start, extension scan) is not
// measured here; see bench/README.md.
const { performance } = require('node:perf_hooks');
const Module = require('node:module');
const path = require('node:path');

// A stub that answers any property, call or construction with another stub. `then` is left
// undefined so awaiting a stub does not hang; Symbol.toPrimitive gives ''.
function stub(name) {
  const fn = function () {};
  const values = new Map(); // what the extension assigned to the stub
  return new Proxy(fn, {
    set(_, key, value) {
      values.set(key, value);
      return true;
    },
    defineProperty(_, key, d) {
      values.set(key, d.value);
      return true;
    },
    get(_, key) {
      if (values.has(key)) return values.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => '';
      if (key === Symbol.iterator) return function* () {};
      if (key === 'dispose') return () => {};
      return stub(`${name}.${String(key)}`);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
  });
}
// The module itself is a plain object with every name @types/vscode exports (bundlers copy
// a CommonJS module's own keys into a namespace object, so a bare Proxy would look empty).
const names = {};
try {
  const dts = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  for (const m of dts.matchAll(/^\s*export (?:declare )?(?:namespace|class|enum|const|function|let) ([A-Za-z_$][\w$]*)/gm)) names[m[1]] = stub(`vscode.${m[1]}`);
} catch {
  for (const n of ['window', 'workspace', 'languages', 'commands', 'env', 'extensions', 'Uri', 'Disposable', 'EventEmitter', 'StatusBarAlignment', 'ThemeColor', 'RelativePattern', 'Range', 'Position', 'Location', 'l10n']) names[n] = stub(`vscode.${n}`);
}
names.version = require('../package.json').engines.vscode.replace(/^[^\d]*/, '');
const vscode = new Proxy(names, { get: (t, k) => (k in t ? t[k] : k === 'then' || k === '__esModule' ? undefined : stub(`vscode.${String(k)}`)) });
// Child processes the client starts (the language server) are ended before this process exits.
const cp = require('node:child_process');
const children = [];
for (const fn of ['spawn', 'fork']) {
  const orig = cp[fn];
  cp[fn] = function (...a) {
    const c = orig.apply(this, a);
    children.push(c);
    return c;
  };
}
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return load.call(this, request, parent, isMain);
};

(async () => {
  const file = path.join(__dirname, '..', 'dist', 'client.js');
  const out = {};
  let t0 = performance.now();
  let ext;
  try {
    ext = require(file);
    out.requireMs = performance.now() - t0;
  } catch (e) {
    out.error = `require: ${e.message}`;
  }
  if (ext && typeof ext.activate === 'function') {
    const context = new Proxy(
      { subscriptions: [], extensionPath: path.join(__dirname, '..'), extensionUri: stub('extensionUri'), asAbsolutePath: (p) => path.join(__dirname, '..', p), globalState: stub('globalState'), workspaceState: stub('workspaceState'), environmentVariableCollection: stub('env'), logUri: stub('logUri'), storageUri: undefined, globalStorageUri: stub('globalStorageUri'), extensionMode: 1 },
      { get: (t, k) => (k in t ? t[k] : k === 'then' ? undefined : stub(`context.${String(k)}`)) },
    );
    t0 = performance.now();
    try {
      const r = ext.activate(context);
      out.activateSyncMs = performance.now() - t0;
      await Promise.race([Promise.resolve(r), new Promise((_, rej) => setTimeout(() => rej(new Error('activate() did not settle within 2 s with the stub')), 2000))]);
      out.activateMs = performance.now() - t0;
    } catch (e) {
      out.activateMs = performance.now() - t0;
      out.activateNote = `activate() with the stub vscode: ${e.message}`.slice(0, 300);
    }
  } else if (ext) out.error = 'dist/client.js exports no activate()';
  out.childProcesses = children.length;
  for (const c of children) c.kill('SIGKILL');
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exit(0);
})();
