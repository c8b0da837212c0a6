/**
 * The extension's browser entry (dist/web/client.js, scripts/web-client-bundle.mjs) runs where
 * there is no Node: no Node built-in and no Node half of vscode-languageclient in it, no file
 * required at run time, and its own code uses no `process`, `setImmediate`, `Buffer` or
 * `require`. It loads in a context with a browser worker's globals only.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../util/plan';

const root = repoRoot();

/** scripts/web-client-bundle.mjs, what build.mjs builds the bundle with. */
interface WebClientBundle {
  WEB_CLIENT_BUNDLE: string;
  noNodeBuiltins: esbuild.Plugin;
  webClientBundle: esbuild.BuildOptions;
}
let bundle: WebClientBundle;

/** The bundle built afresh in memory, with its metafile. */
async function build(): Promise<esbuild.BuildResult & { metafile: esbuild.Metafile }> {
  return esbuild.build({ ...bundle.webClientBundle, absWorkingDir: root, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
}

/** Source text without comments (a crude strip, enough for the client's own modules). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('client (web): the browser bundle', function () {
  this.timeout(60_000);
  let meta: esbuild.Metafile;
  before(async () => {
    bundle = (await import(pathToFileURL(path.join(root, 'scripts', 'web-client-bundle.mjs')).href)) as WebClientBundle;
    meta = (await build()).metafile;
  });

  it('holds no Node built-in and no Node half of the language client or its protocol', () => {
    const inputs = Object.keys(meta.inputs);
    assert.ok(inputs.includes('client/src/browser-extension.ts') && inputs.includes('client/src/workspace-mirror.ts'));
    assert.ok(inputs.some((i) => /vscode-languageclient\/lib\/browser\//.test(i)), 'the browser language client is in');
    assert.deepEqual(inputs.filter((i) => /(^|\/)lib\/node\//.test(i) || i.startsWith('node:') || /^(fs|path|child_process|os|net|crypto|util)$/.test(i)), []);
    // The desktop's entry and its language client are not.
    assert.deepEqual(inputs.filter((i) => /client\/src\/(extension|node-language-client)\.ts$/.test(i)), []);
  });

  it('imports nothing at run time but `vscode`', () => {
    const [output] = Object.values(meta.outputs);
    assert.deepEqual([...new Set(output.imports.map((i) => `${i.path}${i.external ? '' : ' (bundled)'}`))], ['vscode']);
  });

  it('its own modules use no process, setImmediate, Buffer or require', () => {
    const own = Object.keys(meta.inputs).filter((i) => i.startsWith('client/src/'));
    assert.ok(own.length > 10, `${own.length} modules`);
    for (const f of own) {
      const text = code(fs.readFileSync(path.join(root, f), 'utf8'));
      for (const bad of [/(?<![\w$.])process\s*\./, /(?<![\w$.])setImmediate\s*\(/, /(?<![\w$.])Buffer\s*\./, /(?<![\w$.])require\s*\(/]) assert.doesNotMatch(text, bad, f);
    }
  });

  it('the build fails on a Node built-in, naming who imports it', async () => {
    for (const spec of ['node:fs', 'path', 'child_process', 'fs/promises']) {
      const r = esbuild.build({ stdin: { contents: `import * as x from '${spec}'; console.log(x);`, resolveDir: root, sourcefile: 'entry.ts' }, bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [bundle.noNodeBuiltins] });
      await assert.rejects(r, (e: Error) => e.message.includes(`Node built-in "${spec}"`) && e.message.includes('entry.ts'), spec);
    }
  });

  it('the built file loads with a web worker\'s globals only (no process, setImmediate, Buffer, require of a file)', () => {
    const file = path.join(root, bundle.WEB_CLIENT_BUNDLE);
    assert.ok(fs.existsSync(file), `${bundle.WEB_CLIENT_BUNDLE} is built`);
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual([...new Set([...text.matchAll(/\brequire\(\s*["'`]([^"'`]*)["'`]\s*\)/g)].map((m) => m[1]))], ['vscode']);
    // Any property of the stand-in `vscode` is a callable, constructible stand-in: only loading is tried here.
    const anything: object = new Proxy(function () {}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => '' : anything), apply: () => anything, construct: () => anything as object });
    const required: string[] = [];
    const module = { exports: {} as Record<string, unknown> };
    const context = vm.createContext({
      module,
      exports: module.exports,
      require: (id: string) => {
        required.push(id);
        if (id === 'vscode') return anything;
        throw new Error(`require(${id}) in the browser`);
      },
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      TextEncoder,
      TextDecoder,
      URL,
      btoa,
      atob,
    });
    assert.equal(vm.runInContext('typeof process + typeof setImmediate + typeof Buffer', context), 'undefinedundefinedundefined');
    vm.runInContext(text, context, { filename: file });
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
    assert.deepEqual([...new Set(required)], ['vscode']);
  });
});
