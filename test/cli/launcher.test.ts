/**
 * `dist/cli.js`, what `node dist/cli.js` and the `pilot-plan` command run
 * (server/src/cli/launch.ts): it starts the checker's bundle with V8's
 * defaults, whatever the command.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { CLI, ROOT } from './run-cli';

const DIST = nodePath.dirname(CLI);

function filesUnder(dir: string, pred: (p: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = nodePath.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, pred) : pred(p) ? [p] : [];
  });
}

describe('cli: launcher', () => {
  it('sets no V8 flag: none in the sources, none in the bundles the command loads', () => {
    // Node documents flags set after start-up as unpredictable, and a flag a later V8 drops prints an error on every run.
    const sources = filesUnder(nodePath.join(ROOT, 'server', 'src'), (p) => p.endsWith('.ts'));
    const bundles = [CLI, nodePath.join(DIST, 'cli-main.js'), nodePath.join(DIST, 'server.js'), ...filesUnder(nodePath.join(DIST, 'vendor'), (p) => p.endsWith('.js'))];
    assert.ok(sources.length > 50, 'the sources were found');
    const setting = [...sources, ...bundles].filter((p) => fs.readFileSync(p, 'utf8').includes('setFlagsFromString'));
    assert.deepEqual(setting.map((p) => nodePath.relative(ROOT, p)), []);
  });
});
