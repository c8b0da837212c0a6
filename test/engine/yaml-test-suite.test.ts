/**
 * The YAML conformance corpus (test/fixtures/yaml-test-suite) through the
 * whole engine: yaml-syntax on every invalid case, none on the valid ones,
 * and no crash anywhere.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkMemory } from '../util/plan';
import { conformanceCases, conformanceSuite } from '../util/conformance';

describe('YAML conformance suite through the engine', function () {
  const all = conformanceCases();
  it('finds the corpus', () => {
    assert.ok(all.length > 300, `expected the corpus at ${conformanceSuite}`);
  });
  for (const c of all) {
    const invalid = fs.existsSync(path.join(c.dir, 'error'));
    const title = fs.existsSync(path.join(c.dir, '===')) ? fs.readFileSync(path.join(c.dir, '==='), 'utf8').trim() : '';
    it(`${c.name} ${invalid ? '(invalid)' : '(valid)'} ${title}`, () => {
      const text = c.text;
      const findings = checkMemory({ 'case.pilot.yaml': text });
      const syntax = findings.filter((f) => f.code === 'yaml-syntax');
      // Valid YAML that no pilot file can be: several documents, a list or mapping as a key (which, turned into
      // data, costs time that grows with its size at every level it is nested in).
      const notPilot = syntax.every((f) => /document \d+|not a list or a mapping/.test(f.message));
      if (invalid) assert.ok(syntax.length > 0, 'expected yaml-syntax on an invalid case');
      else assert.ok(syntax.length === 0 || notPilot, `unexpected: ${syntax.map((s) => s.message).join('; ')}`);
      for (const f of findings) {
        assert.ok(f.line >= 1 && f.column >= 1, 'positions count from 1');
        assert.ok(f.message && !/\{\w+\}/.test(f.message), `message rendered: ${f.message}`);
      }
    });
  }
});
