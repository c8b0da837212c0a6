/**
 * Hostile and odd input through the engine, in process: each repro of a hang,
 * a crash or a wrong result, with the verdict it must get. (The built
 * checker's view of the same classes is hostile.test.ts.)
 */
import * as assert from 'node:assert/strict';
import { parseText } from '../../server/src/engine/parse/load';
import { parseYaml } from '../../server/src/engine/parse/yaml-file';
import { MAX_DEPTH } from '../../server/src/engine/parse/depth';
import type { ParsedFile } from '../../server/src/engine/parse/parsed-file';
import { formatMessage } from '../../server/src/engine/i18n/messages';
import { checkMemory, summary } from '../util/plan';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { checkFiles } from '../../server/src/engine/checker';
import { MAX_FINDINGS_PER_FILE, runPlanRules } from '../../server/src/engine/run-rules';
import { duplicateId } from '../../server/src/engine/rules/duplicate-id';

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

  describe('nesting deeper than the limit: one finding where the limit is passed, quickly, on every path', () => {
    const deep = (f: ParsedFile) => f.syntax.filter((p) => /nested more than/.test(en(p)));
    const nest = (open: string, close: string, n: number, inner = '') => open.repeat(n) + inner + close.repeat(n);
    // The shapes nesting takes: flow lists and mappings (a mapping as a key, item 1 of the issue), compact block
    // lists, block mappings one space deeper a line, a mix of block and flow.
    const shapes: Record<string, (n: number) => string> = {
      'flow lists': (n) => `x-a: ${nest('[', ']', n - 1, '1')}\n`,
      'flow mappings as keys': (n) => nest('{', '}', n),
      'flow list of mappings': (n) => `x-a: ${nest('[{a: ', '}]', Math.floor((n - 1) / 2), (n - 1) % 2 ? '[1]' : '1')}\n`,
      'compact block lists': (n) => `x-a:\n${'- '.repeat(n - 1)}1\n`,
      'block mappings': (n) => 'x-a:\n' + Array.from({ length: n - 1 }, (_, i) => `${' '.repeat(i + 1)}k${i}:${i === n - 2 ? ' 1' : ''}\n`).join(''),
      'block then flow': (n) => `x-a:\n  b:\n    - ${nest('[', ']', n - 3, '1')}\n`,
    };

    it(`names the limit (${MAX_DEPTH} levels) in both languages, at the collection that passes it`, () => {
      const f = parseText('/p/b.pilot.yaml', nest('{', '}', 300));
      const d = deep(f);
      assert.equal(d.length, 1, f.syntax.map(en).join('\n'));
      assert.equal(d[0].span.start, MAX_DEPTH, 'the first brace past the limit');
      assert.match(en(d[0]), new RegExp(`more than ${MAX_DEPTH} levels`));
      assert.match(formatMessage(d[0].message, 'zh-CN'), new RegExp(`超过 ${MAX_DEPTH} 层`));
      assert.equal(f.data, null);
    });

    it('finishes on the issue\'s files and on deeper ones (300 and 400 braces took 21 s and 120 s)', () => {
      for (const text of [nest('{', '}', 300), nest('{', '}', 400), nest('[{', '}]', 150), nest('[', ']', 100_000), `x-a: ${'['.repeat(1000)}`, `a:\n${'- '.repeat(50_000)}x\n`, `a:\n${'? '.repeat(20_000)}x\n`]) {
        const t0 = performance.now();
        const f = parseText('/p/b.pilot.yaml', text);
        assert.ok(f.syntax.length > 0, text.slice(0, 40));
        assert.equal(deep(f).length, 1, `${text.slice(0, 40)}: ${f.syntax.map(en).join('; ').slice(0, 300)}`);
        console.log(`      (${text.slice(0, 12)}… ${text.length} chars: ${(performance.now() - t0).toFixed(0)} ms)`);
      }
    });

    it('at the limit and just past it, the fast paths and the full parse agree, for every shape', () => {
      for (const [name, make] of Object.entries(shapes)) {
        for (let n = MAX_DEPTH - 3; n <= MAX_DEPTH + 3; n++) {
          const text = `apiVersion: pilot-plan/v1\nkind: Tasks\n${make(n)}`;
          const fast = parseText('/p/x.pilot.yaml', text);
          const full = parseYaml('/p/x.pilot.yaml', text);
          assert.deepEqual(deep(fast).length, deep(full).length, `${name}, depth ${n}: fast ${fast.syntax.map(en)} / full ${full.syntax.map(en)}`);
          assert.deepEqual(fast.data, full.data, `${name}, depth ${n}`);
        }
      }
      // The shapes are as deep as they say: valid at the limit, too deep past it.
      for (const [name, make] of Object.entries(shapes)) {
        assert.equal(deep(parseYaml('x', make(MAX_DEPTH))).length, 0, `${name} at the limit`);
        assert.equal(deep(parseYaml('x', make(MAX_DEPTH + 1))).length, 1, `${name} past the limit`);
      }
    });

    it('aliases cannot pass the limit or make a cycle', () => {
      const chain = ['x-a: &a0 ' + nest('[', ']', 30, '1')];
      for (let i = 1; i < 5; i++) chain.push(`x-${i}: &a${i} ${nest('[', ']', 30, `*a${i - 1}`)}`);
      const f = parseText('/p/a.pilot.yaml', chain.join('\n') + '\n');
      assert.equal(deep(f).length, 1, f.syntax.map(en).join('; '));
      for (const text of ['x-a: &a [*a]\n', 'x-a: &a {b: *a}\n', 'x-a: &a\n  b: [1, *a]\n']) {
        const c = parseText('/p/c.pilot.yaml', text);
        assert.ok(c.syntax.some((p) => /`\*a` is inside the node it names/.test(en(p))) && c.syntax.length === 1, `${text}: ${c.syntax.map(en)}`);
        assert.doesNotThrow(() => JSON.stringify(c.data), 'no cycle in the data');
      }
    });

    it('the same file gets the same findings alone, after other files and deep in the stack (item 12)', () => {
      const text = `x-a: ${'['.repeat(1000)}`;
      const alone = parseText('/p/a.pilot.yaml', text).syntax.map((p) => [p.span.start, p.span.end, en(p)]);
      for (let i = 0; i < 30; i++) parseYaml('/p/other.pilot.yaml', `x-${i}: ${'['.repeat(200 + i)}\n`);
      const after = parseText('/p/a.pilot.yaml', text).syntax.map((p) => [p.span.start, p.span.end, en(p)]);
      const nested = (k: number): unknown[][] => (k === 0 ? parseText('/p/a.pilot.yaml', text).syntax.map((p) => [p.span.start, p.span.end, en(p)]) : nested(k - 1));
      assert.deepEqual(after, alone);
      assert.deepEqual(nested(3000), alone);
      assert.ok(alone.length < 10, `${alone.length} findings`);
    });
  });

  describe('an ID defined thousands of times: work and related places grow linearly (item 3)', () => {
    it('4,000 definitions of one ID: a finding on each, each with at most 20 related places and a count of the rest', () => {
      const n = 4000;
      const text = `${T}tasks:\n${'  - {id: T-SAME, title: t, area: other, lead: x}\n'.repeat(n)}`;
      const t0 = performance.now();
      const ws = new Workspace(new MemoryFileHost({ '/p/plan.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Plan\nid: P\nbaseYear: 2020\ntargetYears: [2025]\n', '/p/tasks.pilot.yaml': text }), { snapshot: true });
      const [result] = checkFiles(ws, ['/p/tasks.pilot.yaml']);
      console.log(`      (${n} definitions: ${(performance.now() - t0).toFixed(0)} ms)`);
      assert.equal(result.findings.length, MAX_FINDINGS_PER_FILE, 'capped');
      // The rule's own findings, before the cap.
      const found = runPlanRules(ws.buildPlan('/p'), undefined, [duplicateId]).get('/p/tasks.pilot.yaml') ?? [];
      assert.equal(found.length, n);
      const line = (o: number) => result.lines.positionAt(o).line;
      for (const [i, f] of found.entries()) {
        assert.match(en(f), /defined 4000 times/);
        const related = f.data?.related ?? [];
        assert.equal(related.length, 21, `${related.length} related places`);
        assert.match(formatMessage(related[20].message, 'en'), /and 3,979 more definitions of `T-SAME`/);
        assert.match(formatMessage(related[20].message, 'zh-CN'), /另有 3979 处/);
        // The nearest definitions: its neighbours, not always the first twenty.
        const lines = related.slice(0, 20).map((r) => line(r.span.start));
        const mine = line(f.span.start);
        assert.ok(!lines.includes(mine) && lines.every((l) => Math.abs(l - mine) <= 20), `definition ${i}: ${lines}`);
      }
    });
  });

  describe('findings per file are capped, with one that says how many more were left out', () => {
    const check = (files: Record<string, string>, path: string) => {
      const ws = new Workspace(new MemoryFileHost(files), { snapshot: true });
      return checkFiles(ws, [path]).find((r) => r.path === path)!;
    };

    it(`130,000 commas in a flow list: ${MAX_FINDINGS_PER_FILE} findings, the last counting the rest`, () => {
      const r = check({ '/p/t.pilot.yaml': `${T}tasks: [${','.repeat(130_000)}]\n` }, '/p/t.pilot.yaml');
      assert.equal(r.findings.length, MAX_FINDINGS_PER_FILE);
      const last = r.findings[r.findings.length - 1];
      assert.equal(last.code, 'yaml-syntax');
      assert.match(en(last), new RegExp(`^[\\d,]+ more findings in this file are not listed \\(the first ${MAX_FINDINGS_PER_FILE - 1} are\\)`));
      assert.match(formatMessage(last.message, 'zh-CN'), /本文件另有 \d+ 条问题未列出/);
      assert.ok(r.findings.slice(0, -1).every((f, i, all) => i === 0 || all[i - 1].span.start <= f.span.start), 'the first ones, in order');
      assert.ok(last.span.start >= r.findings[r.findings.length - 2].span.start, 'at the first one left out');
    });

    it('the count, code and severity of what was left out: the most common code, the worst severity', () => {
      // 1,200 unknown keys (schema errors) and an unresolved reference past them (an error of another code).
      const keys = Array.from({ length: 1200 }, (_, i) => `    x${i}: 1\n`).join('');
      const text = `${T}tasks:\n  - id: T-1\n    title: t\n    area: other\n    lead: x\n${keys}`;
      const r = check({ '/p/t.pilot.yaml': text }, '/p/t.pilot.yaml');
      assert.equal(r.findings.length, MAX_FINDINGS_PER_FILE);
      const last = r.findings[r.findings.length - 1];
      assert.equal(last.code, 'schema');
      assert.equal(last.severity, 'error');
      const all = 1200 + 1; // the unknown keys and not-in-plan
      assert.match(en(last), new RegExp(`^${all - (MAX_FINDINGS_PER_FILE - 1)} more findings`));
    });
  });

  describe('the full parse stays linear in the keys of one mapping', () => {
    it('50,000 keys and an anchor (the full `yaml` parse): the repeated key found, in one pass', () => {
      // The parser's own duplicate check compares each key with every one before it: 16,000 keys took 3.4 s.
      const keys = Array.from({ length: 50_000 }, (_, i) => `x-k${i}: ${i}\n`).join('');
      const text = `${T}x-anchor: &a 1\n${keys}x-k7: again\n`;
      const t0 = performance.now();
      const f = parseText('/p/k.pilot.yaml', text);
      console.log(`      (${text.length} characters: ${(performance.now() - t0).toFixed(0)} ms)`);
      assert.deepEqual(f.syntax.map((p) => [text.slice(p.span.start, p.span.start + 5), en(p)]), [['x-k7:', 'The key is defined twice in this mapping. Remove or rename one of them.']]);
      assert.deepEqual(f.syntax, parseYaml('/p/k.pilot.yaml', text).syntax);
    });
  });

  describe('a reference tens of thousands of characters long (found by the fuzz suite)', () => {
    it('gets its unresolved-reference finding at once, without a "did you mean" search as long as the reference', () => {
      const plan = 'apiVersion: pilot-plan/v1\nkind: Plan\nid: P\nbaseYear: 2020\ntargetYears: [2025]\n';
      const long = 'T-' + 'X'.repeat(50_000);
      const t0 = performance.now();
      const found = checkMemory({ 'plan.pilot.yaml': plan, 'tasks.pilot.yaml': `${T}tasks:\n  - id: T-1\n    title: t\n    area: other\n    lead: x\n    dependsOn: [${long}]\n` }, { only: ['unresolved-reference'] });
      console.log(`      (${(performance.now() - t0).toFixed(0)} ms)`);
      assert.equal(found.length, 1);
      assert.match(found[0].message, /Define it, or correct the reference/);
    });
  });
});
