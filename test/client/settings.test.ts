import * as assert from 'node:assert/strict';
import { isRuleCode } from '../../client/src/rules';
import { normalizeGlobs, resolveDebounce, resolveLocale } from '../../client/src/settings';
import { count, DEFAULT_DEBOUNCE_MS } from '../../client/src/protocol';

describe('client: settings and catalogue', () => {
  it('resolves the locale', () => {
    assert.equal(resolveLocale('auto', 'zh-cn'), 'zh-CN');
    assert.equal(resolveLocale('auto', 'zh-tw'), 'zh-CN');
    assert.equal(resolveLocale(undefined, 'en'), 'en');
    assert.equal(resolveLocale('auto', 'de'), 'en');
    assert.equal(resolveLocale('en', 'zh-cn'), 'en');
    assert.equal(resolveLocale('zh-CN', 'en'), 'zh-CN');
    assert.equal(resolveLocale('fr', 'en'), 'en');
  });

  it('clamps the debounce', () => {
    assert.equal(resolveDebounce(undefined), DEFAULT_DEBOUNCE_MS);
    assert.equal(resolveDebounce(-5), 0);
    assert.equal(resolveDebounce(99999), 5000);
    assert.equal(resolveDebounce(120.4), 120);
    assert.equal(resolveDebounce('300'), DEFAULT_DEBOUNCE_MS);
  });

  it('normalizes extra globs', () => {
    assert.deepEqual(normalizeGlobs(['plans/*.yaml', '**/x.yml', './a/b.yaml', '', 3, 'plans/*.yaml', '/abs/*.yaml', 'c:\\p\\*.yaml']), [
      '**/plans/*.yaml',
      '**/x.yml',
      '**/a/b.yaml',
      '/abs/*.yaml',
      'c:/p/*.yaml',
    ]);
    assert.deepEqual(normalizeGlobs('x'), []);
  });

  it('knows a rule code from anything else', () => {
    assert.ok(isRuleCode('orphan') && !isRuleCode('../x') && !isRuleCode(undefined));
  });

  it('reads counts leniently', () => {
    assert.deepEqual([count(3), count(undefined), count(-1), count('2'), count(2.7)], [3, 0, 0, 0, 2]);
  });
});
