/**
 * The rule pages open at the reader's language: every page marks its Chinese part (for GitHub
 * and clicks in the preview) and links to it from the top; the client finds the id VS Code's
 * preview gives the Chinese heading.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../util/plan';
import { RULES } from '../../client/src/rules';
import { previewHeadingIds, ruleDocFragment, ZH_ANCHOR } from '../../client/src/rule-doc';

const page = (code: string) => fs.readFileSync(path.join(repoRoot(), 'docs', 'rules', `${code}.md`), 'utf8');

describe('client: rule pages in the reader\'s language', () => {
  it('every rule page links to its Chinese part at the top and marks it right before the Chinese heading', () => {
    for (const r of RULES) {
      const lines = page(r.code).split('\n');
      assert.ok(lines.slice(0, 5).includes(`[中文说明 ↓](#${ZH_ANCHOR})`), `${r.code}: no link to the Chinese part at the top`);
      const marks = lines.flatMap((l, i) => (l === `<a id="${ZH_ANCHOR}"></a>` ? [i] : []));
      assert.equal(marks.length, 1, `${r.code}: one mark`);
      const next = lines.slice(marks[0] + 1).find((l) => l.trim());
      assert.ok(next?.startsWith(`# \`${r.code}\` — `) && /[\u4e00-\u9fff]/.test(next), `${r.code}: the Chinese heading follows the mark: ${next}`);
    }
  });

  it('a Chinese reader gets the id of the Chinese heading; an English one the top of the page', () => {
    assert.equal(ruleDocFragment(page('orphan'), 'zh-CN'), 'orphan--未被任务引用的指标既无指标也无项目的任务');
    // Punctuation the preview keeps (the en dash) stays; the full-width comma goes.
    assert.equal(ruleDocFragment(page('value-range'), 'zh-CN'), 'value-range--百分数超出-0–100或数量为负');
    assert.equal(ruleDocFragment(page('investment-total'), 'zh-CN'), 'investment-total--investmenttotal-与各项目投资之和不符');
    for (const r of RULES) {
      assert.equal(ruleDocFragment(page(r.code), 'en'), undefined);
      const id = ruleDocFragment(page(r.code), 'zh-CN');
      assert.ok(id?.startsWith(`${r.code}--`), `${r.code}: ${id}`);
    }
    assert.equal(ruleDocFragment('# x\n\nno mark here\n', 'zh-CN'), undefined);
  });

  it('makes heading ids as the preview does: code spans read, fenced code skipped, repeats numbered', () => {
    const md = ['# A `b` c', '```yaml', '# not a heading', '```', '## A b c', '## Ünïcode 中文：标题', '# [Link](x.md) *em*'].join('\n');
    assert.deepEqual(
      previewHeadingIds(md).map((h) => [h.line, decodeURI(h.id)]),
      [
        [0, 'a-b-c'],
        [4, 'a-b-c-1'],
        [5, 'ünïcode-中文标题'],
        [6, 'link-em'],
      ],
    );
  });
});
