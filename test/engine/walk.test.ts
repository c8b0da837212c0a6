/** engine/plan/walk.ts: the folder walk of plan discovery and of the checker's folder arguments. */
import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { walkPilotFiles } from '../../server/src/engine/plan/walk';
import type { DirEntry } from '../../server/src/engine/plan/workspace';

const root = nodePath.resolve('/walk');
const at = (...parts: string[]) => nodePath.join(root, ...parts);

function walk(host: { readDir(dir: string): readonly DirEntry[] | undefined }, options: { enter?: (dir: string, name: string) => boolean; visited?: Set<string>; stopAfter?: number; from?: string; match?: (name: string) => boolean } = {}): string[] {
  const out: string[] = [];
  const from = options.from ?? root;
  walkPilotFiles(from, from, (p) => (out.push(nodePath.relative(root, p).split(nodePath.sep).join('/')), out.length !== options.stopAfter), { readDir: (d) => host.readDir(d), enter: options.enter, visited: options.visited, match: options.match });
  return out;
}

describe('engine: the folder walk (walk.ts)', () => {
  const host = new MemoryFileHost({
    [at('b.pilot.yaml')]: '',
    [at('a', 'z.pilot.yml')]: '',
    [at('a', 'a.pilot.yaml')]: '',
    [at('c.txt')]: '',
    [at('node_modules', 'x.pilot.yaml')]: '',
    [at('sub', '.git', 'y.pilot.yaml')]: '',
    [at('sub', 'p.pilot.yaml')]: '',
  });

  it('pilot files in name order, a folder where its name comes; skipped folders and other files left out', () => {
    assert.deepEqual(walk(host), ['a/a.pilot.yaml', 'a/z.pilot.yml', 'b.pilot.yaml', 'sub/p.pilot.yaml']);
  });

  it('enter: a folder it refuses is not walked', () => {
    assert.deepEqual(walk(host, { enter: (_dir, name) => name !== 'a' }), ['b.pilot.yaml', 'sub/p.pilot.yaml']);
  });

  it('a shared visited set: a folder walked once, by its real path, over several walks', () => {
    const visited = new Set<string>();
    assert.deepEqual(walk(host, { from: at('sub'), visited }), ['sub/p.pilot.yaml']);
    assert.deepEqual(walk(host, { visited }), ['a/a.pilot.yaml', 'a/z.pilot.yml', 'b.pilot.yaml']);
    assert.deepEqual(walk(host, { from: at('a'), visited }), []);
  });

  it('match: the files found are those it takes, by name, in the same folders', () => {
    assert.deepEqual(walk(host, { match: (name) => name.endsWith('.txt') || name === 'p.pilot.yaml' }), ['c.txt', 'sub/p.pilot.yaml']);
  });

  it('stops when found says false', () => {
    assert.deepEqual(walk(host, { stopAfter: 2 }), ['a/a.pilot.yaml', 'a/z.pilot.yml']);
  });
});
