import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { applyFix, checkTree, fixesOf } from '../util/fixes';

const only = { only: ['structure-sum'] };
const withBaseline = (baseline: string) => MINIMAL_PLAN.replace('targetYears: [2025, 2030]\n', `targetYears: [2025, 2030]\nbaseline:\n${baseline}`);
const energy = (shares: string[]) => `  energy:\n    structure:\n${shares.map((s) => `      - ${s}\n`).join('')}`;
const sectors = (shares: string[]) => `  emissions:\n    bySector:\n${shares.map((s) => `      - ${s}\n`).join('')}`;

describe('structure-sum', () => {
  it('passes shares that sum to 100, within ±0.5 (one-decimal rounding)', () => {
    for (const shares of [
      ['{ source: coal, share: 28.5 }', '{ source: non-fossil, share: 71.5 }'],
      ['{ source: coal, share: 33.3 }', '{ source: oil, share: 33.3 }', '{ source: other, share: 33.3 }'],
      ['{ source: coal, share: 50.2 }', '{ source: oil, share: 50.2 }'],
    ]) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withBaseline(energy(shares)) }, only)), [], shares.join(' '));
    }
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withBaseline(sectors(['{ sector: industry, share: 60 }', '{ sector: transport, share: 40 }'])) }, only)), []);
  });

  it('reports a sum more than 0.5 from 100 on the list key, naming the sum, an error', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withBaseline(energy(['{ source: coal, share: 28.5 }', '{ source: non-fossil, share: 70.9 }'])) }, only);
    assert.deepEqual(summary(f), ['structure-sum@plan.pilot.yaml:12']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [12, 5, 12, 14]);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /The shares of `baseline\.energy\.structure` add up to 99\.4%, not 100%\. .*sum to 100 \(±0\.5\).*`source: other`/);
    const s = checkMemory({ 'plan.pilot.yaml': withBaseline(sectors(['{ sector: industry, share: 60 }', '{ sector: transport, share: 45 }'])) }, only);
    assert.deepEqual(summary(s), ['structure-sum@plan.pilot.yaml:12']);
    assert.match(s[0].message, /`baseline\.emissions\.bySector` add up to 105%.*`sector: other`/);
  });

  it('checks both lists, in flow style too', () => {
    const plan = MINIMAL_PLAN.replace('targetYears: [2025, 2030]\n', 'targetYears: [2025, 2030]\nbaseline: { energy: { structure: [{ source: coal, share: 10 }] }, emissions: { bySector: [{ sector: industry, share: 10 }] } }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan }, only)), ['structure-sum@plan.pilot.yaml:10', 'structure-sum@plan.pilot.yaml:10']);
  });

  it('leaves out lists with a placeholder, a wrong type or a share outside 0–100, and empty lists (other rules\' findings)', () => {
    for (const bad of ['{ source: coal, share: 待补充 }', '{ source: coal, share: "30" }', '{ source: coal, share: 130 }', '{ source: coal, share: -5 }', '{ source: coal }', '30']) {
      const f = checkMemory({ 'plan.pilot.yaml': withBaseline(energy([bad, '{ source: oil, share: 20 }'])) }, only);
      assert.deepEqual(summary(f), [], bad);
    }
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withBaseline('  energy:\n    structure: []\n') }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withBaseline('  energy: 待补充\n') }, only)), []);
  });

  it('only in Plan files; silenced by a comment', () => {
    const tasks = 'apiVersion: pilot-plan/v1\nkind: Tasks\nbaseline: { energy: { structure: [{ source: coal, share: 10 }] } }\ntasks: []\n';
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 't.pilot.yaml': tasks }, only)), []);
    const silenced = withBaseline(`  energy:\n    # pilot-plan-disable-next-line structure-sum\n    structure:\n      - { source: coal, share: 10 }\n`);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': silenced }, only)), []);
  });

  it('speaks Chinese', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withBaseline(energy(['{ source: coal, share: 40 }'])) }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /`baseline\.energy\.structure` 各项占比之和为 40%，不是 100%。请更正各项占比，使其合计为 100（允许 ±0\.5）/);
  });

  describe('quick fixes', () => {
    const ROOT = '/mem/fixes';
    const tree = (text: string) => ({ [nodePath.join(ROOT, 'plan.pilot.yaml')]: text });
    const fixes = (text: string, locale: 'en' | 'zh-CN' = 'en') => {
      const c = checkTree(tree(text));
      const f = [...c.findings.values()].flat().find((x) => x.code === 'structure-sum');
      assert.ok(f, 'a structure-sum finding');
      return { c, titles: fixesOf(c, f, locale, true).map((x) => x.title), all: fixesOf(c, f, locale, true) };
    };
    const after = (text: string, title: string) => {
      const { all } = fixes(text);
      const fix = all.find((x) => x.title === title);
      assert.ok(fix, `no fix "${title}": ${all.map((x) => x.title).join(' | ')}`);
      return applyFix(tree(text), fix)[nodePath.join(ROOT, 'plan.pilot.yaml')];
    };

    it('fractions become percentages, and the finding is gone', () => {
      const text = withBaseline(sectors(['{ sector: industry, share: 0.6 }', '{ sector: transport, share: 0.4 }']));
      const out = after(text, 'Write the shares as percentages (×100)');
      assert.ok(out.includes('{ sector: industry, share: 60 }') && out.includes('{ sector: transport, share: 40 }'), out);
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': out })), []);
    });

    it('the `other` item takes the remainder, when it is not negative; no fix that would guess', () => {
      const text = withBaseline(energy(['{ source: coal, share: 40 }', '{ source: oil, share: 25.5 }', '{ source: other, share: 2 }']));
      const out = after(text, 'Set the `other` share to 34.5');
      assert.ok(out.includes('{ source: other, share: 34.5 }'), out);
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': out })), []);
      // Over 100 without the other item: the remainder would be negative, so only silencing.
      assert.deepEqual(fixes(withBaseline(energy(['{ source: coal, share: 80 }', '{ source: oil, share: 25 }', '{ source: other, share: 2 }']))).titles, ['Disable structure-sum for this line']);
      // No `other` item: nothing to put the remainder in.
      assert.deepEqual(fixes(withBaseline(energy(['{ source: coal, share: 80 }']))).titles, ['Disable structure-sum for this line']);
      assert.deepEqual(fixes(text, 'zh-CN').titles, ['将 `other` 的占比改为 34.5', '在此行停用规则 structure-sum']);
    });
  });
});
