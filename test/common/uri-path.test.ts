/**
 * server/src/common/uri-path.ts: document URIs ↔ the server's paths. Every scheme an editor on the
 * web gives (vscode-remote, vscode-vfs, memfs) comes back as the same URI; the files of one folder
 * share its path as their parent, so plan discovery works on virtual file systems; `file:` is as
 * Node converts it, and the web worker's converter (file-url.browser.ts) agrees with Node's.
 */
import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { pathToFileURL as nodePathToFileURL, fileURLToPath as nodeFileURLToPath } from 'node:url';
import * as fc from 'fast-check';
import { pathOfUri, uriOfPath } from '../../server/src/common/uri-path';
import * as browserFileUrl from '../../server/src/common/file-url.browser';

/** URIs as VS Code prints them (Uri.toString()): each comes back exactly. */
const CANONICAL = [
  'vscode-remote://127.0.0.1:8080/a/b%20c/%E5%B9%BF%E5%B7%9E.pilot.yaml',
  'vscode-vfs://github/owner/repo/x.pilot.yaml',
  'vscode-vfs://github%2Bowner/repo/%E6%96%B9%E6%A1%88/plan.pilot.yaml',
  'memfs:/ws/plan.pilot.yaml',
  'memfs:/ws/%E5%B9%BF%E5%B7%9E%20%E8%AF%95%E7%82%B9/tasks/t.pilot.yml',
  'memfs:/',
  'untitled:Untitled-1',
];

describe('common: uri-path', () => {
  for (const uri of CANONICAL) {
    it(`round trip: ${uri}`, () => {
      const path = pathOfUri(uri);
      assert.ok(nodePath.isAbsolute(path), path);
      assert.equal(uriOfPath(path), uri);
      assert.equal(pathOfUri(uriOfPath(path)), path);
    });
  }

  it('maps a hierarchical URI to its scheme, its authority and its decoded segments', () => {
    assert.equal(pathOfUri('vscode-remote://127.0.0.1:8080/a/b c/广州.pilot.yaml'), nodePath.join(nodePath.sep, '\u0000vscode-remote', '127.0.0.1%3A8080', 'a', 'b c', '广州.pilot.yaml'));
    // The unencoded spelling names the same file as the encoded one.
    assert.equal(pathOfUri('vscode-remote://127.0.0.1:8080/a/b c/广州.pilot.yaml'), pathOfUri(CANONICAL[0]));
    assert.equal(pathOfUri('vscode-vfs://github/owner/repo/x.pilot.yaml'), nodePath.join(nodePath.sep, '\u0000vscode-vfs', 'github', 'owner', 'repo', 'x.pilot.yaml'));
    assert.equal(pathOfUri('untitled:Untitled-1'), nodePath.join(nodePath.sep, '\u0000untitled', 'Untitled-1'));
  });

  it('keeps a URI without an authority apart from one with it, and both from a flat URI', () => {
    const paths = ['memfs:/ws/a.pilot.yaml', 'memfs://ws/a.pilot.yaml', 'memfs:ws/a.pilot.yaml', 'memfs:///ws/a.pilot.yaml'].map(pathOfUri);
    assert.equal(new Set(paths.slice(0, 3)).size, 3);
    // `memfs:///ws` has an empty authority: the same file as `memfs:/ws`, as VS Code reads it.
    assert.equal(paths[3], paths[0]);
  });

  it('gives the files of a folder its path as their parent, up to the root of the scheme', () => {
    for (const folder of ['memfs:/ws', 'vscode-vfs://github/owner/repo', 'vscode-remote://127.0.0.1:8080/home/规划 2025']) {
      const dir = pathOfUri(folder);
      const plan = pathOfUri(`${folder}/plan.pilot.yaml`);
      const task = pathOfUri(`${folder}/tasks/t.pilot.yaml`);
      assert.equal(nodePath.dirname(plan), dir);
      assert.equal(nodePath.dirname(nodePath.dirname(task)), dir);
      // What the engine builds from a folder's path names the folder's file.
      assert.equal(uriOfPath(nodePath.join(dir, 'pilot-plan.config.yaml')), `${encodeURI(folder)}/pilot-plan.config.yaml`);
      let top = dir;
      while (nodePath.dirname(top) !== top) top = nodePath.dirname(top);
      assert.equal(top, nodePath.sep);
    }
    // A folder's URI with a trailing slash is the folder.
    assert.equal(pathOfUri('memfs:/ws/'), pathOfUri('memfs:/ws'));
  });

  it('gives a URI whose path would not come back the same a flat pseudo path, which does', () => {
    for (const uri of ['vscode-vfs://github/a/b?ref=main', 'memfs:/ws/a%2Fb.pilot.yaml', 'memfs:/ws/../x.pilot.yaml', 'memfs:/ws//x.pilot.yaml', 'memfs:/ws/%E5%ZZ.pilot.yaml', 'vscode-remote://host/']) {
      const path = pathOfUri(uri);
      assert.equal(path.split(nodePath.sep).length, 3, `${uri} → ${JSON.stringify(path)}`);
      assert.equal(uriOfPath(path), uri);
    }
  });

  it('converts file: URIs as Node does', () => {
    const file = nodePath.resolve('/tmp/规划 #1/plan.pilot.yaml');
    assert.equal(pathOfUri(nodePathToFileURL(file).href), file);
    assert.equal(uriOfPath(file), nodePathToFileURL(file).href);
  });

  it('the web worker converts file: URIs as Node does on POSIX', () => {
    if (nodePath.sep !== '/') return;
    const segment = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '#', '?', '%', '\\', '\n', '\t', '广', '州', '😀', ';', '@', '[', '~', "'"), minLength: 1, maxLength: 6 }).filter((s) => s !== '.' && s !== '..');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const path = '/' + segments.join('/');
        const href = nodePathToFileURL(path).href;
        assert.equal(browserFileUrl.pathToFileURL(path).href, href);
        assert.equal(browserFileUrl.fileURLToPath(href), nodeFileURLToPath(href));
      }),
      { numRuns: 500 },
    );
    for (const bad of ['file://host/x', 'file:///a%2Fb', 'https://x/y']) {
      assert.throws(() => nodeFileURLToPath(bad));
      assert.throws(() => browserFileUrl.fileURLToPath(bad));
    }
  });
});
