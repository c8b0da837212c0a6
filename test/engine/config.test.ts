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
});
