import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { apiVersion, apiVersionSuggestion } from '../../server/src/engine/rules/api-version';
import { parseYaml } from '../../server/src/engine/parse/yaml-file';
import { buildFileModel } from '../../server/src/engine/plan/model';
import { PlanIndex } from '../../server/src/engine/plan/plan-index';
import type { Report } from '../../server/src/engine/rules/rule';

const only = { only: ['api-version'] };
const TASKS = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n';

/** The rule's raw reports for one file, with their data. */
function reports(text: string): Report[] {
  const file = buildFileModel(parseYaml('/mem/plan/x.pilot.yaml', text));
  const out: Report[] = [];
  apiVersion.checkFile!(file, { plan: new PlanIndex(undefined), report: (r) => out.push(r) });
  return out;
}

describe('api-version', () => {
  it('passes pilot-plan/v1, in every kind of file', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': TASKS }, only)), []);
  });
  it('passes a file that starts with comments', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': '# 广州市\n# 实施方案\n' + MINIMAL_PLAN }, only)), []);
  });
  it('reports a missing apiVersion on the first key of the file', () => {
    const f = checkMemory({ 'plan.pilot.yaml': '# header\n' + MINIMAL_PLAN.replace('apiVersion: pilot-plan/v1\n', '') }, only);
    assert.deepEqual(summary(f), ['api-version@plan.pilot.yaml:2']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [2, 1, 2, 5]);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /does not state `apiVersion`/);
    assert.match(f[0].message, /pilot-plan\/v1/);
    assert.deepEqual(reports('kind: Tasks\ntasks: []\n')[0].data?.missingKeys, ['apiVersion']);
  });
  it('reports an unsupported version on the value, naming the supported ones', () => {
    const f = checkMemory({ 'tasks.pilot.yaml': TASKS.replace('pilot-plan/v1', 'pilot-plan/v2') }, only);
    assert.deepEqual(summary(f), ['api-version@tasks.pilot.yaml:1']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [1, 13, 1, 26]);
    assert.match(f[0].message, /`apiVersion: pilot-plan\/v2` is not a supported format version\. Supported versions: pilot-plan\/v1\./);
    assert.doesNotMatch(f[0].message, /Did you mean/);
    assert.equal(reports(TASKS.replace('pilot-plan/v1', 'pilot-plan/v2'))[0].data?.suggestions, undefined);
  });
  it('suggests pilot-plan/v1 for a typo of it', () => {
    for (const typo of ['pilot-plan/V1', 'pilotplan/v1', 'Pilot-Plan/v1', 'pilot_plan/v1', 'pilot-plan/v1.0', 'pilot-pan/v1', 'pilot-plan', '"pilot-plan/v1 "']) {
      const r = reports(TASKS.replace('pilot-plan/v1', typo));
      assert.equal(r.length, 1, typo);
      assert.deepEqual(r[0].data?.suggestions, ['pilot-plan/v1'], typo);
    }
    const f = checkMemory({ 'tasks.pilot.yaml': TASKS.replace('pilot-plan/v1', 'pilot-plan/V1') }, only);
    assert.match(f[0].message, /Did you mean `pilot-plan\/v1`\?/);
  });
  it('does not suggest for another version or an unrelated value', () => {
    assert.equal(apiVersionSuggestion('pilot-plan/v2'), undefined);
    assert.equal(apiVersionSuggestion('v1beta'), undefined);
    assert.equal(apiVersionSuggestion('apps/v1'), undefined);
    assert.equal(apiVersionSuggestion('pilot-plan/V1'), 'pilot-plan/v1');
  });
  it('reports an empty apiVersion on its key', () => {
    const f = checkMemory({ 'tasks.pilot.yaml': TASKS.replace(' pilot-plan/v1', '') }, only);
    assert.deepEqual(summary(f), ['api-version@tasks.pilot.yaml:1']);
    assert.deepEqual([f[0].column, f[0].endColumn], [1, 11]);
    assert.match(f[0].message, /`apiVersion` is empty/);
  });
  it('robust: a number, a list or a mapping as apiVersion is reported, never thrown', () => {
    for (const v of ['1', '[pilot-plan/v1]', '{ v: 1 }', 'true', '"pilot-plan/v1\\n"']) {
      const f = checkMemory({ 'tasks.pilot.yaml': TASKS.replace('pilot-plan/v1', v) }, only);
      assert.deepEqual(summary(f), ['api-version@tasks.pilot.yaml:1'], v);
    }
  });
  it('skips an empty or non-mapping document (the schema rule reports those)', () => {
    assert.deepEqual(summary(checkMemory({ 'a.pilot.yaml': '' }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'a.pilot.yaml': '# only a comment\n' }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'a.pilot.yaml': '- apiVersion: pilot-plan/v1\n' }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'a.pilot.yaml': 'just text\n' }, only)), []);
  });
  it('is silenced by a comment on the line above', () => {
    const text = '# pilot-plan-disable-next-line api-version\n' + TASKS.replace('pilot-plan/v1', 'pilot-plan/v2');
    assert.deepEqual(summary(checkMemory({ 'tasks.pilot.yaml': text }, only)), []);
  });
  it('is the only rule that reports an apiVersion problem', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('pilot-plan/v1', 'pilot-plan/v2') });
    assert.deepEqual(summary(f), ['api-version@plan.pilot.yaml:1']);
  });
  it('speaks Chinese', () => {
    const f = checkMemory({ 'tasks.pilot.yaml': TASKS.replace('pilot-plan/v1', 'pilot-plan/V1') }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /不是受支持的格式版本.*您是否想写 `pilot-plan\/v1`/);
  });
});
