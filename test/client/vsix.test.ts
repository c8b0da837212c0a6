/**
 * The .vsix holds only what runs: bundles, schemas, grammar, snippets,
 * translations, rule pages, README, LICENSE, icon — no source, test or
 * development files. `vsce ls` lists what `vsce package` would put in it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../util/plan';

const root = repoRoot();

// yauzl reads zip files for vsce itself (a dependency of @vscode/vsce).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yauzl = require('yauzl') as {
  open(p: string, o: object, cb: (e: Error | null, z: { on(ev: string, f: (x?: unknown) => void): void; readEntry(): void; openReadStream(e: unknown, cb: (e: Error | null, s: NodeJS.ReadableStream) => void): void }) => void): void;
};

/** The entries of a zip file, or the text of one of them. */
function readZip(file: string, want?: string): Promise<{ names: string[]; text: string }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names: string[] = [];
      let text = '';
      zip.on('entry', (e) => {
        const name = (e as { fileName: string }).fileName;
        names.push(name);
        if (name !== want) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2) return reject(err2);
          stream.on('data', (d) => (text += String(d)));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.on('end', () => resolve({ names, text }));
      zip.on('error', (e) => reject(e as Error));
      zip.readEntry();
    });
  });
}
const zipEntries = async (file: string) => (await readZip(file)).names;
const zipText = async (file: string, name: string) => (await readZip(file, name)).text;
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const ALLOWED = [
  /^package\.json$/,
  /^package\.nls(\.[a-z-]+)?\.json$/,
  /^language-configuration\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^dist\/(client|language-client|server)\.js$/,
  // The web's: the browser entry and the server's web worker.
  /^dist\/web\/(client|server)\.js$/,
  // ECharts, docx and exceljs, which the server loads for the Plan Overview and the exports.
  /^dist\/vendor\/(echarts|docx|exceljs)\.js$/,
  /^schemas\/[a-z-]+\.schema\.json$/,
  /^syntaxes\/pilot-plan\.tmLanguage\.json$/,
  /^snippets\/pilot-plan\.code-snippets$/,
  /^docs\/rules\/[a-z-]+\.md$/,
  /^docs\/format\.md$/,
  /^images\/icon\.png$/,
];

/** The web worker server, once built (its bundle comes with the server's web entry). */

describe('the .vsix', function () {
  this.timeout(120_000);

  it('lists only what runs, and everything that does', () => {
    const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').filter(Boolean);
    const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    assert.deepEqual(stray, [], 'files that do not run');
    for (const must of ['dist/client.js', 'dist/language-client.js', 'dist/server.js', 'dist/web/client.js', 'dist/web/server.js', 'dist/vendor/echarts.js', 'dist/vendor/docx.js', 'dist/vendor/exceljs.js', 'package.json', 'schemas/pilot-plan.schema.json', 'syntaxes/pilot-plan.tmLanguage.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'images/icon.png', 'docs/rules/orphan.md', 'docs/format.md']) {
      assert.ok(files.includes(must), `${must} is packaged`);
    }
  });

  it('builds with npm run package (vsce package, from a staging folder)', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-vsix-')), 'pilot-plan.vsix');
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'package-vsix.mjs'), '--out', out], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const entries = await zipEntries(out);
    const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    assert.deepEqual(
      entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length)).sort(),
      // vsce names these two its own way inside the package.
      listed.map((f) => ({ 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' })[f] ?? f).sort(),
      'the .vsix holds what vsce ls lists',
    );
    // The entries VS Code starts, on the desktop and on the web.
    for (const f of ['dist/client.js', 'dist/language-client.js', 'dist/server.js', 'dist/web/client.js', 'dist/web/server.js']) assert.ok(entries.includes(`extension/${f}`), `${f} is in the .vsix`);
    const manifest = JSON.parse(await zipText(out, 'extension/package.json')) as Record<string, unknown>;
    assert.ok(manifest.contributes && manifest.main, 'the manifest keeps what VS Code reads');
    assert.equal(manifest.browser, './dist/web/client.js');
    for (const npmOnly of ['files', 'scripts', 'devDependencies', 'bin']) assert.ok(!(npmOnly in manifest), `${npmOnly} is left out`);
    const size = fs.statSync(out).size;
    console.log(`      (.vsix: ${(size / 1024).toFixed(0)} KiB)`);
    assert.ok(size > 100_000 && size < 5_000_000);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
