/**
 * The YAML conformance corpus (../shared/testdata/yaml-test-suite) through the
 * whole engine: yaml-syntax on every invalid case, none on the valid ones,
 * and no crash anywhere.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkMemory, repoRoot } from '../util/plan';

const suite = path.join(repoRoot(), '..', 'shared', 'testdata', 'yaml-test-suite');

function cases(): { name: string; dir: string }[] {
  const out: { name: string; dir: string }[] = [];
  const walk = (dir: string, name: string) => {
    if (fs.existsSync(path.join(dir, 'in.yaml'))) out.push({ name, dir });
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(dir, e.name), name ? `${name}/${e.name}` : e.name);
  };
  walk(suite, '');
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

describe('YAML conformance suite through the engine', function () {
  const all = fs.existsSync(suite) ? cases() : [];
  it('finds the corpus', () => {
    assert.ok(all.length > 300, `expected the corpus at ${suite}`);
  });
  for (const c of all) {
    const invalid = fs.existsSync(path.join(c.dir, 'error'));
    const title = fs.existsSync(path.join(c.dir, '===')) ? fs.readFileSync(path.join(c.dir, '==='), 'utf8').trim() : '';
    it(`${c.name} ${invalid ? '(invalid)' : '(valid)'} ${title}`, () => {
      const text = fs.readFileSync(path.join(c.dir, 'in.yaml'), 'utf8');
      const findings = checkMemory({ 'case.pilot.yaml': text });
      const syntax = findings.filter((f) => f.code === 'yaml-syntax');
      const multiDoc = syntax.every((f) => /document \d+/.test(f.message));
      if (invalid) assert.ok(syntax.length > 0, 'expected yaml-syntax on an invalid case');
      // Several documents in one file are valid YAML but not a valid pilot file: that finding is allowed.
      else assert.ok(syntax.length === 0 || multiDoc, `unexpected: ${syntax.map((s) => s.message).join('; ')}`);
      for (const f of findings) {
        assert.ok(f.line >= 1 && f.column >= 1, 'positions count from 1');
        assert.ok(f.message && !/\{\w+\}/.test(f.message), `message rendered: ${f.message}`);
      }
    });
  }
});
