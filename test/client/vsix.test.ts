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
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const ALLOWED = [
  /^package\.json$/,
  /^package\.nls(\.[a-z-]+)?\.json$/,
  /^language-configuration\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/(client|language-client|server)\.js$/,
  /^schemas\/[a-z-]+\.schema\.json$/,
  /^syntaxes\/pilot-plan\.tmLanguage\.json$/,
  /^snippets\/pilot-plan\.code-snippets$/,
  /^l10n\/bundle\.l10n\.[a-z-]+\.json$/,
  /^docs\/rules\/[a-z-]+\.md$/,
  /^images\/icon\.png$/,
];

describe('the .vsix', function () {
  this.timeout(120_000);

  it('lists only what runs, and everything that does', () => {
    const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').filter(Boolean);
    const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    assert.deepEqual(stray, [], 'files that do not run');
    for (const must of ['dist/client.js', 'dist/language-client.js', 'dist/server.js', 'package.json', 'schemas/pilot-plan.schema.json', 'syntaxes/pilot-plan.tmLanguage.json', 'README.md', 'LICENSE', 'images/icon.png', 'docs/rules/orphan.md']) {
      assert.ok(files.includes(must), `${must} is packaged`);
    }
  });

  it('builds with vsce package', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-vsix-')), 'pilot-plan.vsix');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const size = fs.statSync(out).size;
    console.log(`      (.vsix: ${(size / 1024).toFixed(0)} KiB)`);
    assert.ok(size > 100_000 && size < 5_000_000);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
