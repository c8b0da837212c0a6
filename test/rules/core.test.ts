import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';

describe('engine core', () => {
  it('a minimal plan checks clean', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN })), []);
  });
  it('duplicate-id is reported on every definition, across files', () => {
    const f = checkMemory(
      {
        'plan.pilot.yaml': MINIMAL_PLAN,
        'more.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-1\n    title: x\n    area: industry\n    lead: y\n    indicators: [IND-1]\n',
      },
      { only: ['duplicate-id'] },
    );
    assert.deepEqual(summary(f), ['duplicate-id@more.pilot.yaml:4', 'duplicate-id@plan.pilot.yaml:11']);
    assert.equal(f.find((x) => x.file === 'more.pilot.yaml')!.column, 9);
  });
  it('unresolved-reference suggests the nearest ID of the right kind', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('indicators: [IND-1]', 'indicators: [IND-I]') }, { only: ['unresolved-reference'] });
    assert.deepEqual(summary(f), ['unresolved-reference@plan.pilot.yaml:15']);
    assert.match(f[0].message, /Did you mean `IND-1`/);
  });
  it('reference-kind: a task where an indicator is expected', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('indicators: [IND-1]', 'indicators: [IND-1, T-1]') }, { only: ['reference-kind'] });
    assert.deepEqual(summary(f), ['reference-kind@plan.pilot.yaml:15']);
  });
  it('not-in-plan for a file under no plan', () => {
    const f = checkMemory({ 'loose.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n' }, { only: ['not-in-plan'] });
    assert.deepEqual(summary(f), ['not-in-plan@loose.pilot.yaml:1']);
  });
  it('a suppression comment silences the next line only', () => {
    const text = MINIMAL_PLAN.replace('    indicators: [IND-1]', '    # pilot-plan-disable-next-line unresolved-reference\n    indicators: [IND-X]');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, { only: ['unresolved-reference'] })), []);
  });
  it('messages come in Chinese too', () => {
    const f = checkMemory({ 'loose.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n' }, { only: ['not-in-plan'], locale: 'zh-CN' });
    assert.match(f[0].message, /不属于任何方案/);
  });
});

describe('not-in-plan position', () => {
  it('is on the first key, so a comment above it silences it', () => {
    const text = '# a draft\napiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n';
    const f = checkMemory({ 'loose.pilot.yaml': text }, { only: ['not-in-plan'] });
    assert.deepEqual(summary(f), ['not-in-plan@loose.pilot.yaml:2']);
    const silenced = checkMemory({ 'loose.pilot.yaml': '# pilot-plan-disable-next-line not-in-plan\n' + text.slice(text.indexOf('\n') + 1) }, { only: ['not-in-plan'] });
    assert.deepEqual(summary(silenced), []);
  });
});
