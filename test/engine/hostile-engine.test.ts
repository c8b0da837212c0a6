/**
 * Hostile and odd input through the engine, in process: each repro of a hang,
 * a crash or a wrong result, with the verdict it must get. (The built
 * checker's view of the same classes is hostile.test.ts.)
 */
import * as assert from 'node:assert/strict';
import { parseText } from '../../server/src/engine/parse/load';
import { formatMessage } from '../../server/src/engine/i18n/messages';
import { checkMemory, summary } from '../util/plan';

const T = 'apiVersion: pilot-plan/v1\nkind: Tasks\n';
const en = (f: { message: Parameters<typeof formatMessage>[0] }) => formatMessage(f.message, 'en');

describe('hostile input through the engine', function () {
  this.timeout(60_000);

  describe('lone CR line breaks (valid YAML 1.2) are line breaks everywhere', () => {
    it('a CR-only file parses as its LF twin, at the same offsets', () => {
      const lf = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n';
      const cr = lf.replace(/\n/g, '\r');
      const a = parseText('/p/cr.pilot.yaml', cr);
      const b = parseText('/p/lf.pilot.yaml', lf);
      assert.deepEqual(a.syntax.map(en), []);
      assert.deepEqual(a.data, b.data);
      assert.deepEqual(a.span(['kind'], 'value'), b.span(['kind'], 'value'));
      assert.deepEqual(a.lines.positionAt(a.span(['tasks'], 'key')!.start), { line: 2, character: 0 });
    });

    it('mixed CR, LF and CRLF in one file: the findings of its LF twin, on the same lines', () => {
      const lines = [
        'apiVersion: pilot-plan/v1', 'kind: Tasks', 'tasks:', '  - id: T-1', '    title: 甲', '    area: nowhere', '    lead: 市发展改革委',
        '    description: |', '      one', '      two', '  - id: T-1', '    title: 乙', '    area: other', '    lead: x',
      ];
      const breaks = ['\r', '\n', '\r\n'];
      const mixed = lines.map((l, i) => l + breaks[i % 3]).join('');
      const lf = lines.map((l) => l + '\n').join('');
      const a = checkMemory({ 'plan.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Plan\nid: P\n', 'tasks.pilot.yaml': mixed });
      const b = checkMemory({ 'plan.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Plan\nid: P\n', 'tasks.pilot.yaml': lf });
      assert.ok(a.some((f) => f.code === 'duplicate-id') && a.some((f) => f.code === 'schema'), summary(a).join(', '));
      assert.deepEqual(a.map((f) => [f.code, f.line, f.column, f.message]), b.map((f) => [f.code, f.line, f.column, f.message]));
      assert.equal(parseText('/p/t.pilot.yaml', mixed).data && (parseText('/p/t.pilot.yaml', mixed).data as { tasks: { description?: string }[] }).tasks[0].description, 'one\ntwo\n');
    });

    it('a Plan file saved with CR line ends is a Plan: its plan has members, and no not-in-plan', () => {
      const plan = 'apiVersion: pilot-plan/v1\rkind: Plan\rid: P\r';
      const found = checkMemory({ 'plan.pilot.yaml': plan, 'tasks.pilot.yaml': `${T}tasks: []\n` });
      assert.deepEqual(found.filter((f) => f.code === 'not-in-plan' || f.code === 'yaml-syntax'), []);
    });
  });

  describe('the suppression comment counts only as a real YAML comment', () => {
    const plan = 'apiVersion: pilot-plan/v1\nkind: Plan\nid: P\nbaseYear: 2020\ntargetYears: [2025]\n';
    const tasks = (lines: string) => `${T}tasks:\n  - id: T-1\n    title: 甲\n${lines}    lead: x\n`;
    const areaFindings = (lines: string) => checkMemory({ 'plan.pilot.yaml': plan, 'tasks.pilot.yaml': tasks(lines) }, { only: ['schema'] }).map((f) => `${f.line}: ${f.message}`);

    it('a real comment silences the next line (above the value, and after a value)', () => {
      assert.deepEqual(areaFindings('    # pilot-plan-disable-next-line schema\n    area: nowhere\n'), []);
      assert.deepEqual(areaFindings('    x-note: a # pilot-plan-disable-next-line\n    area: nowhere\n'), []);
      assert.deepEqual(areaFindings('    x-note: [a, # pilot-plan-disable-next-line\n      b]\n    area: nowhere\n').length, 1, 'a comment inside a flow list silences its next line only');
    });

    it('the words inside text do not: a block scalar line, a quoted string, a plain scalar with # glued on', () => {
      for (const lines of [
        '    description: |\n      说明 # pilot-plan-disable-next-line\n    area: nowhere\n',
        '    description: >-\n      # pilot-plan-disable-next-line\n    area: nowhere\n',
        '    description: "说明 # pilot-plan-disable-next-line"\n    area: nowhere\n',
        "    description: '说明\n      # pilot-plan-disable-next-line'\n    area: nowhere\n",
        '    description: 说明#pilot-plan-disable-next-line\n    area: nowhere\n',
        '    "# pilot-plan-disable-next-line": 1\n    area: nowhere\n',
      ]) {
        const found = areaFindings(lines);
        assert.ok(found.some((f) => /not allowed for `area`/.test(f)), `${JSON.stringify(lines)}: ${found.join(' | ')}`);
      }
    });
  });
});
