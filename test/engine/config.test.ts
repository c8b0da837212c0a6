/**
 * pilot-plan.config.yaml: the severities it sets, and each problem in it at the
 * exact key or value (the file is read by the engine's parse, the block reader
 * first, as plan files are).
 */
import * as assert from 'node:assert/strict';
import { parseConfig } from '../../server/src/engine/plan/config';
import { formatMessage } from '../../server/src/engine/i18n/messages';

/** Each finding as `code: the text at its span`. */
function problems(text: string): string[] {
  return parseConfig('/plan/pilot-plan.config.yaml', text).findings.map((f) => `${f.code}: ${text.slice(f.span.start, f.span.end)}`);
}

describe('rule configuration file', () => {
  it('sets severities; false is off', () => {
    const c = parseConfig('/p/pilot-plan.config.yaml', '# comment\nrules:\n  orphan: off\n  milestone-year: warning  # why\n  national-target: false\n');
    assert.deepEqual([...c.severities], [['orphan', 'off'], ['milestone-year', 'warning'], ['national-target', 'off']]);
    assert.deepEqual(c.findings, []);
  });

  it('nothing to configure: an empty file, comments only, an empty rules mapping', () => {
    for (const text of ['', '# nothing yet\n', 'rules: {}\n', 'rules:\n']) assert.deepEqual(problems(text), [], JSON.stringify(text));
  });

  it('each problem at its key or value', () => {
    assert.deepEqual(problems('rules:\n  orphn: off\n'), ['schema: orphn']);
    assert.deepEqual(problems('rules:\n  orphan: loud\n'), ['schema: loud']);
    assert.deepEqual(problems('rule:\n  orphan: off\n'), ['schema: rule']);
    assert.deepEqual(problems('rules: [orphan]\n'), ['schema: [orphan]']);
    assert.deepEqual(problems('rules: {orphan: off, orphn: warning}\n'), ['schema: orphn']);
    assert.deepEqual(problems('rules:\n  "orphn": off\n'), ['schema: "orphn"']);
  });

  it('a misspelt rule gets the nearest rule code as its fix', () => {
    const [f] = parseConfig('/p/pilot-plan.config.yaml', 'rules:\n  orphn: off\n').findings;
    assert.deepEqual(f.data?.suggestions, ['orphan']);
    assert.match(formatMessage(f.message, 'en'), /orphan/);
  });

  it('YAML that does not parse: its syntax problems only', () => {
    const found = problems('rules:\n  orphan: off\n  orphan: error\n');
    assert.equal(found.length, 1);
    assert.match(found[0], /^yaml-syntax: /);
  });

  it('odd configuration files get findings, never an exception: an empty key, a tagged or complex value or key', () => {
    const cases: [string, RegExp][] = [
      ['rules: {: off}\n', /^schema: /],
      ['rules:\n  : off\n', /^schema: /],
      ['rules: !!binary aGVsbG8=\n', /^schema: /],
      ['? [a, b]\n: c\n', /^yaml-syntax: /],
      ['rules:\n  ? [orphan]\n  : off\n', /^yaml-syntax: /],
      ['rules: {[orphan]: off}\n', /^yaml-syntax: /],
      ['rules:\n  ~: off\n', /^schema: /],
      ['rules:\n  null: off\n', /^schema: /],
      ['rules:\n  1: off\n', /^schema: /],
      ['rules: !!set {orphan}\n', /^schema: /],
      ['rules: !!omap [orphan: off]\n', /^schema: /],
      ['rules:\n  orphan: !!binary b2Zm\n', /^schema: /],
      ['rules: &r {orphan: off}\nx: *r\n', /^schema: x$/],
      ['- a\n', /^schema: /],
      ['rules: [\n', /^yaml-syntax: /],
    ];
    for (const [text, expected] of cases) {
      let found: string[] = [];
      assert.doesNotThrow(() => (found = problems(text)), JSON.stringify(text));
      assert.ok(found.length > 0, `${JSON.stringify(text)}: a finding`);
      assert.match(found[0], expected, `${JSON.stringify(text)}: ${found.join(' | ')}`);
    }
  });

  it('a value that is not a severity is named as written: a tagged value is not decoded, a mapping is not [object Object]', () => {
    const message = (text: string) => formatMessage(parseConfig('/p/pilot-plan.config.yaml', text).findings[0].message, 'en');
    assert.match(message('rules:\n  orphan: !!binary b2Zm\n'), /cannot be set to `b2Zm`/);
    assert.match(message('rules:\n  orphan: {level: off}\n'), /cannot be set to `\{level: off\}`/);
    assert.match(message('rules:\n  orphan: [off, error]\n'), /cannot be set to `\[off, error\]`/);
    assert.match(message('rules:\n  orphan: 1\n'), /cannot be set to `1`/);
    assert.match(message('rules:\n  orphan: true\n'), /cannot be set to `true`/);
    assert.match(message('rules:\n  orphan:\n'), /cannot be set to `null`/);
    // A tagged set is a mapping of keys in the core schema: each key is a rule, checked as such.
    assert.match(message('rules: !!set {orphn}\n'), /Unknown rule `orphn`. Did you mean `orphan`/);
    assert.match(message('rules: {: off}\n'), /A rule setting without a rule name/);
  });
});
