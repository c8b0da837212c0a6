/**
 * Completion of `pilot.name` from the pilot lists, in the engine: the candidates, their detail in
 * both locales, and the text after choosing one (its edit and the edits beside it) for block and
 * flow pilot blocks, empty keys, keys already given, a park's level, a name on the file's last
 * line, CRLF; the result is valid and agrees with the lists.
 */
import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { parse } from 'yaml';
import { completionsAt, type CompletionCandidate } from '../../server/src/engine/editor/completion';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { Workspace } from '../../server/src/engine/plan/workspace';
import type { Locale } from '../../server/src/engine/i18n/messages';
import { ROOT, checkMemory } from '../util/plan';

const PLAN = nodePath.join(ROOT, 'plan.pilot.yaml');

/** Candidates at `|` in a Plan file's text. */
function complete(textWithCursor: string, locale: Locale = 'en'): { text: string; items: CompletionCandidate[] } {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const ws = new Workspace(new MemoryFileHost({ [PLAN]: text }));
  const model = ws.load(PLAN)!;
  const items = completionsAt({ path: PLAN, model }, { root: ROOT, index: ws.buildPlan(ROOT), lastGood: () => undefined }, offset, locale);
  return { text, items };
}

/** The text after choosing `c`: its own edit and the others, none overlapping. */
function choose(text: string, c: CompletionCandidate): string {
  const edits = [{ start: c.replace.start, end: c.replace.end, newText: c.insertText }, ...(c.additionalEdits ?? []).map((e) => ({ ...e }))].sort((a, b) => b.start - a.start);
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i].end <= edits[i - 1].start, `edits overlap: ${JSON.stringify(edits)}`);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const head = 'apiVersion: pilot-plan/v1\nkind: Plan\nid: T\npilot:\n';
const tail = 'baseYear: 2020\ntargetYears: [2025, 2030]\n';

function pick(items: CompletionCandidate[], label: string): CompletionCandidate {
  const c = items.find((x) => x.label === label);
  assert.ok(c, `no candidate ${label} among ${items.map((x) => x.label).join(', ')}`);
  return c;
}

/** The file is valid and the pilot-list rule finds nothing in it. */
function clean(text: string): void {
  const f = checkMemory({ 'plan.pilot.yaml': text });
  assert.deepEqual(f.map((x) => `${x.code}:${x.line}`), [], text);
}

describe('engine: completion of pilot.name from the pilot lists', () => {
  it('offers every listed pilot, with type · province · batch as its detail in the locale, found by Chinese or English name', () => {
    const { items } = complete(`${head}  name: 广|\n${tail}`);
    const gz = pick(items, '广州市');
    assert.equal(gz.detail, 'city · Guangdong · batch 1');
    assert.equal(gz.filterText, '广州市 Guangzhou');
    assert.equal(gz.kind, 'value');
    assert.match(gz.documentation!, /国家发展改革委办公厅关于印发首批碳达峰试点名单的通知/);
    assert.equal(pick(items, '肇庆高新技术产业开发区').detail, 'park · Guangdong · batch 1');
    assert.equal(items.length, 35);
    const zh = complete(`${head}  name: 广州|\n${tail}`, 'zh-CN').items;
    assert.equal(pick(zh, '广州市').detail, '城市 · 广东 · 第 1 批');
    assert.equal(pick(zh, '克拉玛依市').detail, '城市 · 新疆 · 第 1 批');
  });

  it('choosing 广州市 fills type, province and batch after the name, at its indentation', () => {
    const { text, items } = complete(`${head}  name: 广|\n${tail}`);
    const out = choose(text, pick(items, '广州市'));
    assert.equal(out, `${head}  name: 广州市\n  type: city\n  province: 广东省\n  batch: 1\n${tail}`);
    clean(out);
  });

  it('replaces the whole partial name, and needs no space typed after the colon', () => {
    const { text, items } = complete(`${head}  name:|\n${tail}`);
    assert.equal(choose(text, pick(items, '深圳市')), `${head}  name: 深圳市\n  type: city\n  province: 广东省\n  batch: 1\n${tail}`);
  });

  it('keeps the values a plan gives and fills only the absent or empty keys', () => {
    const { text, items } = complete(`${head}  type: city\n  name: 广|\n  province:\n  batch: ""\n${tail}`);
    const out = choose(text, pick(items, '广州市'));
    assert.equal(out, `${head}  type: city\n  name: 广州市\n  province: 广东省\n  batch: 1\n${tail}`);
    clean(out);
    // A value given, even a wrong one, stays (the pilot-list rule tells).
    const given = complete(`${head}  name: 广|\n  type: park\n  province: 广东省\n  batch: 2\n${tail}`);
    const kept = choose(given.text, pick(given.items, '广州市'));
    assert.equal(kept, `${head}  name: 广州市\n  type: park\n  province: 广东省\n  batch: 2\n${tail}`);
    assert.equal(pick(given.items, '广州市').additionalEdits, undefined);
  });

  it('a park of the second batch: its type, province and batch, and no level, which the list does not give', () => {
    const { text, items } = complete(`${head}  name: 黔南|\n${tail}`, 'zh-CN');
    const c = pick(items, '黔南高新技术产业开发区');
    assert.equal(c.detail, '园区 · 贵州 · 第 2 批');
    assert.match(c.documentation!, /国家发展改革委办公厅关于印发第二批国家碳达峰试点名单的通知/);
    const out = choose(text, c);
    assert.equal(out, `${head}  name: 黔南高新技术产业开发区\n  type: park\n  province: 贵州省\n  batch: 2\n${tail}`);
    assert.deepEqual(parse(out).pilot, { name: '黔南高新技术产业开发区', type: 'park', province: '贵州省', batch: 2 });
    // A name with full-width brackets goes in as it is written.
    const g = complete(`${head}  name: 和平|\n${tail}`);
    assert.match(choose(g.text, pick(g.items, '和平（苟江）经济开发区')), /^  name: 和平（苟江）经济开发区\n  type: park\n  province: 贵州省\n  batch: 2$/m);
  });

  it('a park: its level too, where the list gives it', () => {
    const { text, items } = complete(`${head}  name: 合肥|\n${tail}`);
    const out = choose(text, pick(items, '合肥高新技术产业开发区'));
    assert.equal(out, `${head}  name: 合肥高新技术产业开发区\n  type: park\n  province: 安徽省\n  parkLevel: national\n  batch: 1\n${tail}`);
    clean(out);
  });

  it('a flow pilot block: the keys before its closing brace', () => {
    const { text, items } = complete(`${head.slice(0, -1)} { name: 广|, type: city }\n${tail}`);
    const out = choose(text, pick(items, '广州市'));
    assert.equal(out, `${head.slice(0, -1)} { name: 广州市, type: city, province: 广东省, batch: 1 }\n${tail}`);
    clean(out);
  });

  it("the name on the file's last line, with no line break after it", () => {
    const text = `apiVersion: pilot-plan/v1\nkind: Plan\nid: T\nbaseYear: 2020\ntargetYears: [2025, 2030]\npilot:\n    name: 深|`;
    const r = complete(text);
    const out = choose(r.text, pick(r.items, '深圳市'));
    assert.equal(out, `apiVersion: pilot-plan/v1\nkind: Plan\nid: T\nbaseYear: 2020\ntargetYears: [2025, 2030]\npilot:\n    name: 深圳市\n    type: city\n    province: 广东省\n    batch: 1`);
    clean(out);
  });

  it('keeps the line breaks of a CRLF file', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const r = complete(crlf(`${head}  name: 广|\n${tail}`));
    const out = choose(r.text, pick(r.items, '广州市'));
    assert.equal(out, crlf(`${head}  name: 广州市\n  type: city\n  province: 广东省\n  batch: 1\n${tail}`));
    assert.deepEqual(parse(out).pilot, { name: '广州市', type: 'city', province: '广东省', batch: 1 });
  });

  it('only for pilot.name in a Plan file', () => {
    const other = complete(`${head}  name: 测试市\n  province: 广|\n  type: city\n${tail}`);
    assert.ok(!other.items.some((c) => c.label === '广州市'));
    assert.ok(other.items.some((c) => c.label === '广东省'));
    const tasks = complete('apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-1\n    name: 广|\n');
    assert.ok(!tasks.items.some((c) => c.label === '广州市'));
  });
});
