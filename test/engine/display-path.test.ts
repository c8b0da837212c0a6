/**
 * Paths made without path.join / path.relative in hot loops must be what
 * those functions give for the normalized absolute paths the engine uses.
 */
import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { displayPath } from '../../server/src/engine/display-path';
import { childPath } from '../../server/src/engine/plan/workspace';

const slow = (base: string | undefined, file: string) => (base ? nodePath.relative(base, file) : '').split(nodePath.sep).join('/') || nodePath.basename(file);

describe('paths without normalizing', () => {
  const root = nodePath.parse(process.cwd()).root;
  const at = (...parts: string[]) => nodePath.join(root, ...parts);

  it('displayPath: the same as path.relative, below the base and elsewhere', () => {
    const cases: [string | undefined, string][] = [
      [at('work', 'plan'), at('work', 'plan', 'tasks', 'a.pilot.yaml')],
      [at('work', 'plan'), at('work', 'plan', 'a.pilot.yaml')],
      [at('work', 'plan'), at('work', 'plan2', 'a.pilot.yaml')], // a sibling that starts with the base's name
      [at('work', 'plan', 'tasks'), at('work', 'plan', 'a.pilot.yaml')], // above the base
      [at('work', 'plan'), at('work', 'plan')], // the base itself
      [root, at('a.pilot.yaml')], // the root, which ends with a separator
      [root, at('x', 'a.pilot.yaml')],
      [undefined, at('work', 'a.pilot.yaml')],
      ['', at('work', 'a.pilot.yaml')],
    ];
    for (const [base, file] of cases) assert.equal(displayPath(base, file), slow(base, file), `${base} → ${file}`);
  });

  it('childPath: the same as path.join for a normalized folder and one name', () => {
    for (const dir of [root, at('work'), at('work', 'plan', 'tasks')]) {
      for (const name of ['a.pilot.yaml', 'tasks', '.hidden']) assert.equal(childPath(dir, name), nodePath.join(dir, name));
    }
  });
});
