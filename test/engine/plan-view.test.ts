/**
 * The checker keeps compact models (plan-view.ts) and runs file rules as files
 * are parsed; its findings must be those of checkPlan over whole models. And
 * a plan folder is found the same way when files that cannot be Plan files
 * are answered without parsing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFiles } from '../../server/src/engine/checker';
import { ENTITY_LISTS, entries, type FileModel } from '../../server/src/engine/plan/model';
import { NodeFileHost } from '../../server/src/engine/plan/node-host';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { compactModel, entryField, PLAN_ENTRY_FIELDS, type PlanEntryField } from '../../server/src/engine/plan/plan-view';
import { Workspace } from '../../server/src/engine/plan/workspace';
import type { Rule } from '../../server/src/engine/rules/rule';
import { checkPlan } from '../../server/src/engine/run-rules';
import { pilotFilesUnder } from '../util/examples';
import { repoRoot } from '../util/plan';

const examples = path.join(repoRoot(), 'examples');
const rethrow = (_rule: unknown, e: unknown) => {
  throw e;
};

/** Every plan folder under `dir` (a folder whose files include a Plan file), and `dir` itself. */
function folders(dir: string): string[] {
  const out = [dir];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) out.push(...folders(path.join(dir, e.name)));
  return out;
}

/** The findings of the whole-model route: every file loaded, then checkPlan per plan. */
function wholeModels(files: string[]): Map<string, unknown[]> {
  const ws = new Workspace(new NodeFileHost());
  const out = new Map<string, unknown[]>();
  const roots = new Map<string, string[]>();
  for (const f of files) {
    const root = ws.planRootOf(f) ?? `\0${f}`;
    roots.set(root, [...(roots.get(root) ?? []), f]);
  }
  for (const [root, group] of roots) {
    const real = root.startsWith('\0') ? undefined : root;
    const plan = ws.buildPlan(real, real ? undefined : group[0]);
    const wanted = group.map((f) => plan.file(f) ?? ws.load(f)!).filter(Boolean);
    for (const m of wanted) if (!plan.file(m.path)) plan.setFile(m);
    const byFile = checkPlan(plan, wanted, rethrow);
    for (const m of wanted) out.set(m.path, byFile.get(m.path) ?? []);
  }
  return out;
}

function streamed(files: string[]): Map<string, unknown[]> {
  const ws = new Workspace(new NodeFileHost(), { snapshot: true });
  return new Map(checkFiles(ws, files, rethrow).filter((r) => !r.path.endsWith('.config.yaml')).map((r) => [r.path, r.findings]));
}

const strip = (m: Map<string, unknown[]>) => JSON.parse(JSON.stringify([...m]));

describe('the checker with compact models', function () {
  this.timeout(60_000);

  it('finds what checkPlan finds over whole models, in every example folder', () => {
    let compared = 0;
    for (const dir of folders(examples)) {
      const files = pilotFilesUnder(dir);
      if (!files.length) continue;
      assert.deepEqual(strip(streamed(files)), strip(wholeModels(files)), path.relative(examples, dir));
      compared++;
    }
    assert.ok(compared > 20, `${compared} folders compared`);
  });

  it('a compact model keeps the entities, references and entries, and of each entry its declared fields as they are, nothing else', () => {
    const ws = new Workspace(new NodeFileHost());
    const ents = (m: FileModel) => m.entities.map((e) => [e.id, e.kind, e.path]);
    const refs = (m: FileModel) => m.references.map((r) => [r.id, r.expected, r.field, r.path, r.file, r.from.id]);
    const listed = (m: FileModel) => Object.keys(ENTITY_LISTS).flatMap((k) => entries(m, k).map((e) => [k, e.path]));
    const declared = (k: string): readonly PlanEntryField[] => (PLAN_ENTRY_FIELDS as Record<string, readonly PlanEntryField[]>)[k] ?? [];
    // Each entry's declared fields through the accessor, and the keys its data holds.
    const fields = (m: FileModel) => Object.keys(ENTITY_LISTS).flatMap((k) => entries(m, k).map((e) => declared(k).map((x) => [x, entryField(e, x)])));
    let compacted = 0;
    let kept = 0;
    for (const f of pilotFilesUnder(examples)) {
      const whole = ws.load(f);
      if (!whole?.root || whole.kind === 'Plan') continue;
      // Read before compactModel gives the whole model up.
      const before = { ents: ents(whole), refs: refs(whole), listed: listed(whole), fields: JSON.stringify(fields(whole)) };
      const compact = compactModel(whole);
      if (compact === whole) continue;
      compacted++;
      assert.deepEqual(ents(compact), before.ents, f);
      assert.deepEqual(refs(compact), before.refs, f);
      assert.deepEqual(listed(compact), before.listed, f);
      assert.equal(JSON.stringify(fields(compact)), before.fields, f);
      for (const k of Object.keys(ENTITY_LISTS)) {
        for (const e of entries(compact, k)) {
          for (const x of Object.keys(e.entry)) assert.ok(declared(k).includes(x as PlanEntryField), `${f}: ${k} keep ${x}`);
          kept += Object.keys(e.entry).length;
        }
      }
      assert.deepEqual(compact.root, { kind: whole.root.kind }, f);
    }
    assert.ok(compacted >= 10, `${compacted} files compacted`);
    assert.ok(kept >= 10, `${kept} fields kept`);
  });

  it('entryField answers a declared field alike from whole and compact models, and throws for one not declared, from either', () => {
    const text = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-1\n    title: 任务\n    lead: 发改委\n    indicators: [IND-X]\n';
    const whole = () => new Workspace(new MemoryFileHost({ '/p/tasks.pilot.yaml': text })).load('/p/tasks.pilot.yaml')!;
    const compact = compactModel(whole());
    assert.notEqual(compact, whole(), 'the file is compacted');
    for (const m of [whole(), compact]) {
      const task = m.entities[0];
      assert.deepEqual(entryField(task, 'indicators'), ['IND-X']);
      assert.throws(() => entryField(task, 'title' as PlanEntryField), /`title` of a task.*PLAN_ENTRY_FIELDS/);
      // Declared for projects, not for tasks.
      assert.throws(() => entryField(task, 'investment'), /`investment` of a task.*PLAN_ENTRY_FIELDS/);
    }
  });

  it('a rule cannot read entry data through the plan it is given (tsc fails this file if it could)', () => {
    // Each line below must be a compile error: a directive with none fails the type-check of the tests.
    const rule: Pick<Rule, 'checkPlan' | 'checkFile'> = {
      checkPlan(ctx) {
        const f = ctx.plan.files[0];
        // @ts-expect-error an entity of the view has no data
        void f.entities[0].data;
        // @ts-expect-error a reference's entity neither
        void f.references[0].from.data;
        // @ts-expect-error a file of the view has no root
        void f.root;
        // @ts-expect-error nor data behind its positions
        void f.parsed.data;
        // @ts-expect-error a field no list declares
        entryField(f.entities[0], 'title');
        // @ts-expect-error definitions neither
        void ctx.plan.targets[0][0].data;
      },
      checkFile(file, ctx) {
        void file.entities[0].data; // its own file is whole
        // @ts-expect-error another file's entities are the view's
        void ctx.plan.file('/other')?.entities[0].data;
      },
    };
    assert.equal(typeof rule.checkPlan, 'function');
  });

  it('orphan reads a task\'s indicators the same from a compact model, whatever their shape', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-view-'));
    try {
      const plan = path.join(dir, 'plan.pilot.yaml');
      fs.writeFileSync(plan, 'apiVersion: pilot-plan/v1\nkind: Plan\nid: p\ntitle: 方案\n');
      const shapes = ['[IND-X]', '[]', 'IND-X', "''", '~', '[IND-X, 5]', '[5]'];
      const tasks = shapes.map((v, i) => `  - id: T-${i}\n    title: 任务\n    lead: 发改委\n    indicators: ${v}\n`).join('') + '  - id: T-NONE\n    title: 任务\n    lead: 发改委\n';
      const tasksFile = path.join(dir, 'tasks.pilot.yaml');
      fs.writeFileSync(tasksFile, `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n${tasks}`);
      const indicators = path.join(dir, 'indicators.pilot.yaml');
      fs.writeFileSync(indicators, 'apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: IND-X\n    name: 指标\n');
      const files = [plan, tasksFile, indicators];
      const orphans = (m: Map<string, unknown[]>) => (m.get(tasksFile) as { code: string; message: unknown }[]).filter((f) => f.code === 'orphan').map((f) => /T-\w+/.exec(JSON.stringify(f.message))?.[0]);
      assert.deepEqual(orphans(streamed(files)), orphans(wholeModels(files)));
      // Tasks with an empty list, an empty string, null, or none are orphans; any other value is not.
      assert.deepEqual(orphans(streamed(files)), ['T-1', 'T-3', 'T-4', 'T-NONE']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('plan folders found without parsing files that cannot be Plan files', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-view-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
      return path.join(dir, rel);
    };

    it('a Plan kind spelled with an escape still makes its folder a plan', () => {
      write('plan.pilot.yaml', 'apiVersion: pilot-plan/v1\nkind: Plan\nid: outer\ntitle: 外层方案\n');
      const inner = write('sub/plan.pilot.yaml', 'apiVersion: pilot-plan/v1\nkind: "\\x50lan"\nid: inner\ntitle: 内层方案\n');
      const task = write('sub/tasks.pilot.yaml', 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n');
      for (const snapshot of [true, false]) {
        const ws = new Workspace(new NodeFileHost(), { snapshot });
        assert.equal(ws.planRootOf(task), path.dirname(inner), `snapshot: ${snapshot}`);
        assert.deepEqual(ws.planMembers(dir), [path.join(dir, 'plan.pilot.yaml')], `snapshot: ${snapshot}`);
      }
    });

    it('a file that mentions Plan but is not one leaves the folder alone', () => {
      write('plan.pilot.yaml', 'apiVersion: pilot-plan/v1\nkind: Plan\nid: outer\ntitle: 外层方案\n');
      const task = write('sub/tasks.pilot.yaml', 'apiVersion: pilot-plan/v1\nkind: Tasks\n# Plan: the outer one\ntasks: []\n');
      const ws = new Workspace(new NodeFileHost(), { snapshot: true });
      assert.equal(ws.planRootOf(task), dir);
    });
  });
});
