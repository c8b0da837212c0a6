/**
 * The quick fixes as documented: docs/format.md#quick-fixes lists every rule of the registry in
 * order, with fixes for each error rule; every rule page has its "Quick fixes · 快速修复" section in
 * both languages, silencing last, and for an error rule a fix besides it; the fix titles a rule page
 * lists for the broken example's findings are the titles the editor offers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/engine/rules/registry';
import { repoRoot } from '../util/plan';
import { checkTree, fixesOf, treeOf } from '../util/fixes';

const root = repoRoot();
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

/** The body rows of the first table after `heading` (cells trimmed). */
function tableAfter(text: string, heading: string): string[][] {
  const lines = text.split('\n');
  const at = lines.indexOf(heading);
  assert.ok(at >= 0, `no heading ${heading}`);
  let i = at + 1;
  while (i < lines.length && !lines[i].startsWith('|')) {
    assert.ok(!lines[i].startsWith('## '), `no table under ${heading}`);
    i++;
  }
  const rows: string[][] = [];
  while (i < lines.length && lines[i].startsWith('|')) rows.push(lines[i++].replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
  return rows.slice(2);
}

/** "Change to `x`" as a pattern: *italic* parts and `code` stand for any text, ` / ` separates alternatives. */
function titlePatterns(cell: string): RegExp[] {
  return cell.split(' / ').map((alt) => {
    const parts = alt.split(/(\*[^*]+\*|`[^`]*`)/).filter((p) => p !== '');
    const body = parts.map((p) => (p.startsWith('*') ? '.+' : p.startsWith('`') ? '`[^`]+`' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    return new RegExp(`^${body}$`);
  });
}

describe('docs: quick fixes', () => {
  it('docs/format.md lists every rule with its fixes, in the order of the catalogue', () => {
    const doc = read('docs/format.md');
    const lines = doc.split('\n');
    const at = lines.indexOf('<!-- quick-fixes -->');
    assert.ok(at >= 0, 'the quick fixes table');
    const rows: string[][] = [];
    for (let i = at + 3; lines[i]?.startsWith('|'); i++) rows.push(lines[i].replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
    assert.deepEqual(
      rows.map((r) => /`([^`]+)`/.exec(r[0])?.[1]),
      RULES.map((r) => r.code),
    );
    for (const [i, rule] of RULES.entries()) {
      if (rule.defaultSeverity === 'error') assert.ok(rows[i][1] !== '—' && rows[i][2] !== '—', `${rule.code} has fixes that fix`);
    }
  });

  for (const rule of RULES) {
    it(`docs/rules/${rule.code}.md: its quick fixes in both languages, silencing last`, () => {
      const page = read(`docs/rules/${rule.code}.md`);
      const en = tableAfter(page, '## Quick fixes · 快速修复');
      const zh = tableAfter(page, '## 快速修复 · Quick fixes');
      assert.equal(en[en.length - 1][0], `Disable ${rule.code} for this line`);
      assert.equal(zh[zh.length - 1][0], `在此行停用规则 ${rule.code}`);
      assert.equal(en.length, zh.length, 'the same fixes in both');
      if (rule.defaultSeverity === 'error') assert.ok(en.length > 1, 'a fix besides silencing');
      // Every fix the editor offers on the rule's broken example is on the page.
      const dir = path.join(root, 'examples', 'broken', rule.code);
      if (!fs.existsSync(dir)) return;
      const c = checkTree(treeOf(dir));
      for (const locale of ['en', 'zh-CN'] as const) {
        const patterns = (locale === 'en' ? en : zh).flatMap((r) => titlePatterns(r[0]));
        for (const f of [...c.findings.values()].flat().filter((x) => x.code === rule.code)) {
          for (const fix of fixesOf(c, f, locale, true)) assert.ok(patterns.some((p) => p.test(fix.title)), `"${fix.title}" is not on the page (${locale})`);
        }
      }
    });
  }
});
