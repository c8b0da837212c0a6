/**
 * Plans in, findings out. The shipped examples must check clean; every fault
 * planted in examples/broken must be found at its line, and nothing else; and
 * the findings of each example folder must equal its golden file
 * (test/golden/<folder>.json, the CLI's JSON shape). The language server's
 * tests compare against the same golden files.
 *
 * After an intended change of messages or ranges: UPDATE_GOLDEN=1 npm test,
 * then review the diff of test/golden/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../util/plan';
import { checkFolder, expectations } from '../util/examples';
import { RULE_CODES } from '../../server/src/engine/findings';

const root = repoRoot();
const examples = path.join(root, 'examples');
const cleanPlans = fs
  .readdirSync(examples, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'broken')
  .map((e) => e.name);

export function goldenPath(name: string): string {
  return path.join(root, 'test', 'golden', `${name.replace(/\//g, '--')}.json`);
}

function compareGolden(name: string, actual: unknown) {
  const file = goldenPath(name);
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (process.env.UPDATE_GOLDEN) {
    fs.writeFileSync(file, text);
    return;
  }
  assert.ok(fs.existsSync(file), `golden file ${path.relative(root, file)} is missing: run UPDATE_GOLDEN=1 npm test, review and commit it`);
  assert.deepEqual(actual, JSON.parse(fs.readFileSync(file, 'utf8')), `findings differ from ${path.relative(root, file)}`);
}

describe('golden: example plans', () => {
  for (const name of cleanPlans) {
    it(`examples/${name} checks clean (no error or warning)`, () => {
      const result = checkFolder(path.join(examples, name));
      assert.ok(result.length > 0);
      const problems = result.flatMap((f) => f.findings.filter((x) => x.severity !== 'info').map((x) => `${f.path}:${x.line}:${x.column} ${x.code} ${x.message}`));
      assert.deepEqual(problems, []);
      compareGolden(name, result);
    });
  }

  const brokenDirs = fs.existsSync(path.join(examples, 'broken'))
    ? fs.readdirSync(path.join(examples, 'broken'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    : [];
  for (const name of brokenDirs) {
    it(`examples/broken/${name}: every planted fault at its line, nothing else`, () => {
      const dir = path.join(examples, 'broken', name);
      const result = checkFolder(dir);
      const actual = result.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.code}`)).sort();
      assert.deepEqual(actual, expectations(dir));
      compareGolden(`broken/${name}`, result);
    });
  }

  it('examples/broken makes every rule fire', () => {
    const fired = new Set(checkFolder(path.join(examples, 'broken')).flatMap((f) => f.findings.map((x) => x.code)));
    assert.deepEqual(RULE_CODES.filter((c) => !fired.has(c)), []);
  });
});
