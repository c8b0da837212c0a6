/**
 * The client's own UI strings (client/src/ui-text.ts): every one in both languages, the Chinese
 * in Chinese; and every string the client shows comes from that table.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../util/plan';
import { BILINGUAL_LABELS, UI_TEXT, uiText, type UiKey } from '../../client/src/ui-text';

const CJK = /[\u3400-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

const srcDir = path.join(repoRoot(), 'client', 'src');
const sources = fs
  .readdirSync(srcDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(srcDir, f), 'utf8') }));

describe('client: UI strings', () => {
  it('every key has an English and a Chinese text with the same placeholders, the Chinese one in Chinese', () => {
    const keys = Object.keys(UI_TEXT) as UiKey[];
    assert.ok(keys.length > 60, `only ${keys.length} strings`);
    for (const k of keys) {
      const { en, zh } = UI_TEXT[k];
      assert.ok(en.trim() && zh.trim(), `${k} is empty in a language`);
      assert.match(zh, CJK, `${k}: the Chinese text is not Chinese: ${zh}`);
      assert.notEqual(zh, en, `${k}: the Chinese text is the English one`);
      assert.deepEqual(placeholders(zh), placeholders(en), `${k}: placeholders`);
      // Chinese text uses full-width punctuation: no ASCII comma, colon or full stop after a Chinese character.
      // (A name quoted as VS Code shows it, “类别: 命令”, keeps its own.)
      assert.doesNotMatch(zh.replace(/“[^”]*”/g, '“”'), /[\u4e00-\u9fff][,:;.!?](?!\d)/, `${k}: ASCII punctuation in Chinese: ${zh}`);
    }
  });

  it('the bilingual labels name each choice in Chinese and in English', () => {
    for (const [k, label] of Object.entries(BILINGUAL_LABELS)) assert.match(label, /^[\u4e00-\u9fff]+ [A-Z][a-z]+$/, k);
  });

  it('fills placeholders in the language asked', () => {
    assert.equal(uiText('zh-CN', 'checkSummary', 2, 10, 1, 0, 3), '碳达峰试点方案：已检查 2 个方案（10 个文件），共 1 个错误、0 个警告、3 条提示。');
    assert.equal(uiText('en', 'checkSummary', 2, 10, 1, 0, 3), 'Pilot Plan: checked 2 plans (10 files): 1 errors, 0 warnings, 3 infos.');
    assert.equal(uiText('en', 'statusPlan', '{1}'), 'Plan {1}', 'an argument is not read as a placeholder');
  });

  it('the client shows only strings of the table: every t() key exists, every key is used, no other source of text', () => {
    const used = new Set<string>();
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z]+)'/g)) {
        assert.ok(m[1] in UI_TEXT, `${file}: t('${m[1]}') is not in the table`);
        used.add(m[1]);
      }
      // VS Code's bundles follow the display language only, not pilotPlan.locale.
      assert.doesNotMatch(text, /\bl10n\b/, `${file} uses vscode.l10n`);
      // A message, title, prompt or label written in place would show in one language only.
      for (const re of [
        /show(?:Information|Warning|Error)Message\(\s*['"`]/,
        /\b(?:title|prompt|placeHolder|openLabel|tooltip|detail):\s*['"`]/,
        /\.(?:text|tooltip|name)\s*=\s*['"`](?!\$\()/,
        /new Error\(\s*(?:['"]|`[A-Za-z])/,
      ]) {
        // The skeleton's text is the new plan's content; its own checks are reached only past New Plan's (in the table).
        if (file === 'scaffold.ts') continue;
        assert.doesNotMatch(text, re, `${file}: text shown without the table (${re})`);
      }
    }
    const unused = Object.keys(UI_TEXT).filter((k) => !used.has(k));
    assert.deepEqual(unused, [], 'strings no code shows');
  });
});
