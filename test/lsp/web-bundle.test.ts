/**
 * The web worker bundle (scripts/web-server-bundle.mjs): it builds with no node built-in, the
 * browser stand-ins in place of the Node modules; a node built-in that gets in fails the build
 * and names who imported it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot } from '../util/plan';

describe('lsp: the web worker bundle', function () {
  this.timeout(120000);
  const root = repoRoot();
  let webServerBundle: esbuild.BuildOptions;
  before(async () => {
    // Loaded as the build loads it (an ES module beside build.mjs), not bundled into this test.
    ({ webServerBundle } = await import(pathToFileURL(nodePath.join(root, 'scripts', 'web-server-bundle.mjs')).href));
  });

  it('holds the browser stand-ins and path-browserify, and no Node module of the project', async () => {
    const r = await esbuild.build({ ...webServerBundle, absWorkingDir: root, write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(r.metafile!.inputs);
    for (const m of ['server/src/engine/parse/bytes.browser.ts', 'server/src/common/file-url.browser.ts', 'server/src/lsp/client-files.ts', 'server/src/lsp/export.browser.ts']) assert.ok(inputs.includes(m), m);
    for (const m of ['server/src/engine/parse/bytes.ts', 'server/src/common/file-url.ts', 'server/src/engine/plan/node-host.ts', 'server/src/lsp/file-watcher.ts', 'server/src/lsp/node-platform.ts', 'server/src/lsp/export.ts']) assert.ok(!inputs.includes(m), m);
    // Export to Word / Excel is hidden on the web: its libraries stay out of the worker.
    assert.ok(!inputs.some((i) => /node_modules\/(docx|exceljs)\//.test(i)), 'docx and exceljs are not in the web worker bundle');
    assert.ok(inputs.some((i) => i.includes('path-browserify')));
    assert.ok(!inputs.some((i) => i.startsWith('node:')));
  });

  for (const spec of ['node:fs', 'fs', 'node:child_process', 'os']) {
    it(`fails on an import of ${spec}`, async () => {
      const dir = fs.mkdtempSync(nodePath.join(root, 'server', 'src', '.web-bundle-test-'));
      try {
        const entry = nodePath.join(dir, 'entry.ts');
        fs.writeFileSync(entry, `import * as m from '${spec}';\nconsole.log(m);\n`);
        await assert.rejects(
          esbuild.build({ ...webServerBundle, entryPoints: { x: entry }, absWorkingDir: root, write: false, logLevel: 'silent' }),
          (e: Error) => e.message.includes(`node built-in "${spec}" in the web worker bundle`) && e.message.includes('entry.ts'),
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
