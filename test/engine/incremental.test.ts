/**
 * Incremental = fresh: a file edited through applyChanges (parse/edit.ts), the
 * editor's own ranges and the previous version's segment parses, must be
 * indistinguishable from a fresh parse of the same text — text, data, syntax
 * problems, the span of every key and value, pathAt — and a plan built from the
 * incremental versions must give the findings of one built from fresh parses.
 *
 * The edits are what planners do (test/util/item-edits.ts): whole items
 * inserted at the start, middle or end of a list, one replaced by two, several
 * pasted, moved up or down (cut and paste in one didChange, and in two), one,
 * several or all deleted, a top-level key deleted, the whole text replaced, an
 * ID renamed at three places at once (ranges bottom-up and top-down), a line
 * added to several items at once, an item typed a keystroke at a time (broken
 * YAML on the way), and chains undone back to the original text; over the
 * example plans and a generated one, in LF and CRLF texts. The editor's text is
 * that of vscode-languageserver-textdocument given the same changes.
 *
 * PILOT_PLAN_DIFF_CHAINS sets the number of chains (a thirtieth of them type; a long run: 10000).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges, type ContentChange } from '../../server/src/engine/parse/edit';
import { parseText } from '../../server/src/engine/parse/load';
import type { JsonPath, ParsedFile } from '../../server/src/engine/parse/parsed-file';
import { SegmentedParsedFile } from '../../server/src/engine/parse/segmented-file';
import { buildFileModel } from '../../server/src/engine/plan/model';
import { PlanIndex } from '../../server/src/engine/plan/plan-index';
import { CONFIG_FILE_NAME, parseConfig, type RuleConfig } from '../../server/src/engine/plan/config';
import { checkPlan, finalize, runFileRules, runPlanRules } from '../../server/src/engine/run-rules';
import { RULES } from '../../server/src/engine/rules/registry';
import { ItemValidation } from '../../server/src/engine/schema/item-validation';
import type { Finding } from '../../server/src/engine/findings';
import { LineIndex } from '../../server/src/engine/text/line-index';
import { repoRoot } from '../util/plan';
import { pilotFilesUnder } from '../util/examples';
import { rng } from '../util/mutants';
import { GENERATED_PLAN } from '../util/generated-plan';
import { ItemPool, OPS, randomEdit, type EditContext, type Version } from '../util/item-edits';

const CHAINS = Number(process.env.PILOT_PLAN_DIFF_CHAINS ?? 300);
/** Chains that type an item, a hundred versions each. */
const TYPING_CHAINS = Math.ceil(CHAINS / 30);

interface Plan {
  name: string;
  root: string;
  /** Pilot files by absolute path, in the order the plan index gets them. */
  files: Map<string, string>;
  config: RuleConfig;
}

function examplePlan(name: string): Plan {
  const root = nodePath.join(repoRoot(), 'examples', name);
  const files = new Map(pilotFilesUnder(root).map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const configPath = nodePath.join(root, CONFIG_FILE_NAME);
  const config = fs.existsSync(configPath) ? parseConfig(configPath, fs.readFileSync(configPath, 'utf8')) : parseConfig(configPath, '');
  return { name, root, files, config };
}

function generatedPlan(): Plan {
  const root = '/generated/plan';
  const files = new Map(Object.entries(GENERATED_PLAN).map(([rel, text]) => [`${root}/${rel}`, text]));
  return { name: 'generated', root, files, config: parseConfig(`${root}/${CONFIG_FILE_NAME}`, '') };
}

const PLANS = [examplePlan('guangzhou'), examplePlan('shenzhen'), examplePlan('zhaoqing-hightech-park'), generatedPlan()];
const POOL = new ItemPool(PLANS.flatMap((p) => [...p.files.values()]));

function* paths(v: unknown, p: JsonPath = []): Generator<JsonPath> {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      yield [...p, i];
      yield* paths(v[i], [...p, i]);
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      yield [...p, k];
      yield* paths(x, [...p, k]);
    }
  }
}

/** Offsets to ask pathAt about: where the last change went in the new text, where its text ends, and one anywhere. */
function probes(text: string, changes: readonly ContentChange[], r: () => number): number[] {
  const out = new Set<number>([Math.floor(r() * (text.length + 1))]);
  const c = changes[changes.length - 1];
  if (c.range) {
    const at = new LineIndex(text).offsetAt(c.range.start);
    out.add(Math.min(text.length, at));
    out.add(Math.min(text.length, at + c.text.length));
  }
  return [...out];
}

/** Asserts `a` deep-equals `b`, with the message (costly: whole texts) made only when they differ. */
function same(a: unknown, b: unknown, what: string, label: () => string): void {
  if (!isDeepStrictEqual(a, b)) assert.deepStrictEqual(a, b, `${what}\n${label()}`);
}

/** The incremental version against a fresh parse of the editor's text: everything a rule or an editor feature can ask. */
function sameAsFresh(inc: ParsedFile, fresh: ParsedFile, offsets: number[], label: () => string): void {
  same(inc.text, fresh.text, 'text', label);
  same(inc.data, fresh.data, 'data', label);
  same(inc.syntax, fresh.syntax, 'syntax problems', label);
  same(inc.lines.lineCount, fresh.lines.lineCount, 'lines', label);
  for (const p of [[], ...paths(fresh.data)]) {
    for (const part of ['key', 'value'] as const) same(inc.span(p, part), fresh.span(p, part), `span of ${JSON.stringify(p)} (${part})`, label);
  }
  for (const o of offsets) same(inc.pathAt(o), fresh.pathAt(o), `pathAt(${o})`, label);
}

const rethrow = (_rule: unknown, e: unknown) => {
  throw e;
};

/** A plan as the language server keeps it: one index whose edited file is swapped in, schema errors kept per item. */
class IncrementalPlan {
  readonly index: PlanIndex;
  private readonly items = new ItemValidation();

  constructor(plan: Plan, parsed: Map<string, ParsedFile>) {
    this.index = new PlanIndex(plan.root, plan.config);
    for (const f of parsed.values()) this.index.setFile(buildFileModel(f));
  }

  swap(file: ParsedFile): void {
    this.index.setFile(buildFileModel(file));
  }

  findings(): Map<string, Finding[]> {
    const planFindings = runPlanRules(this.index, rethrow);
    const out = new Map<string, Finding[]>();
    for (const m of this.index.files) out.set(m.path, finalize(m, runFileRules(this.index, m, rethrow, RULES, undefined, this.items).concat(planFindings.get(m.path) ?? [])));
    return out;
  }
}

/** Fresh parses of a plan's current texts (a file whose text did not change keeps its fresh parse) and their findings. */
class FreshPlan {
  private readonly parsed = new Map<string, ParsedFile>();

  constructor(private readonly plan: Plan) {}

  parse(path: string, text: string): ParsedFile {
    const known = this.parsed.get(path);
    if (known && known.text === text) return known;
    const p = parseText(path, text);
    this.parsed.set(path, p);
    return p;
  }

  findings(texts: Map<string, string>): Map<string, Finding[]> {
    const index = new PlanIndex(this.plan.root, this.plan.config);
    for (const [path, text] of texts) index.setFile(buildFileModel(this.parse(path, text)));
    return checkPlan(index, index.files, rethrow);
  }
}

interface Stats {
  chains: number;
  versions: number;
  changes: number;
  /** Versions whose incremental parse kept some item of the version before (the same object). */
  reused: number;
  /** Versions parsed as segments both before and after. */
  segmented: number;
  broken: number;
  withFindings: number;
  byOp: Map<string, number>;
}

function newStats(): Stats {
  return { chains: 0, versions: 0, changes: 0, reused: 0, segmented: 0, broken: 0, withFindings: 0, byOp: new Map() };
}

/** Items of the previous version's lists that the next version holds as the same objects. */
function keptItems(before: ParsedFile, after: ParsedFile): number {
  const b = before.data as Record<string, unknown> | undefined;
  const a = after.data as Record<string, unknown> | undefined;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return 0;
  let n = 0;
  for (const [k, v] of Object.entries(a)) {
    const old = b[k];
    if (!Array.isArray(v) || !Array.isArray(old)) continue;
    const seen = new Set(old);
    for (const x of v) if (x && typeof x === 'object' && seen.has(x)) n++;
  }
  return n;
}

interface ChainOptions {
  /** The chain's seed (to run it again) and the generator made from it, with which the chain was chosen. */
  seed: number;
  r: () => number;
  plan: Plan;
  crlf: boolean;
  ops: readonly string[];
  edits: number;
  undo: boolean;
  stats: Stats;
}

/**
 * One chain of edits of one plan: each version sent to applyChanges, to the
 * editor's document, and compared with a fresh parse; the plan's findings
 * compared after every version.
 */
function runChain(o: ChainOptions): void {
  const r = o.r;
  let fresh = 0;
  const cx: EditContext = { pool: POOL, fresh: () => fresh++ };
  const originals = new Map([...o.plan.files].map(([p, t]) => [p, o.crlf ? t.replace(/\r?\n/g, '\r\n') : t]));
  const docs = new Map([...originals].map(([p, t]) => [p, TextDocument.create(`file://${p}`, 'pilot-plan', 1, t)]));
  const inc = new Map([...originals].map(([p, t]) => [p, parseText(p, t)]));
  const incPlan = new IncrementalPlan(o.plan, inc);
  const freshPlan = new FreshPlan(o.plan);
  const paths = [...originals.keys()];
  // Most chains edit one file; now and then another file of the plan.
  const focus = paths[Math.floor(r() * paths.length)];
  const history: { path: string; v: Version }[] = [];
  const done: string[] = [];

  const apply = (path: string, changes: ContentChange[], what: string) => {
    const doc = docs.get(path)!;
    const before = doc.getText();
    TextDocument.update(doc, changes, doc.version + 1);
    const text = doc.getText();
    const previous = inc.get(path)!;
    const next = applyChanges(previous, changes);
    inc.set(path, next);
    incPlan.swap(next);
    done.push(what);
    const label = () =>
      `chain seed ${o.seed} (${o.plan.name}${o.crlf ? ', CRLF' : ''}), ${nodePath.basename(path)}, version ${done.length}: ${what}\n` +
      `edits so far: ${done.slice(-6).join(' | ')}\nchanges: ${JSON.stringify(changes)}\n--- text before ---\n${before}\n--- text after ---\n${text}`;
    const f = freshPlan.parse(path, text);
    sameAsFresh(next, f, probes(text, changes, r), label);
    const mine = incPlan.findings();
    const theirs = freshPlan.findings(new Map([...docs].map(([p, d]) => [p, d.getText()])));
    same(mine, theirs, 'findings', label);
    const s = o.stats;
    s.versions++;
    s.changes += changes.length;
    if (keptItems(previous, next) > 0) s.reused++;
    if (previous instanceof SegmentedParsedFile && next instanceof SegmentedParsedFile) s.segmented++;
    if (f.syntax.length) s.broken++;
    if ([...theirs.values()].some((x) => x.length)) s.withFindings++;
  };

  for (let e = 0; e < o.edits; e++) {
    const path = r() < 0.85 ? focus : paths[Math.floor(r() * paths.length)];
    const { op, versions } = randomEdit(docs.get(path)!.getText(), r, cx, o.ops);
    for (const v of versions) {
      apply(path, v.changes, v.what);
      history.push({ path, v });
    }
    o.stats.byOp.set(op, (o.stats.byOp.get(op) ?? 0) + 1);
  }
  if (o.undo) {
    for (const { path, v } of history.reverse()) apply(path, v.inverse, `undo: ${v.what}`);
    for (const [p, t] of originals) if (docs.get(p)!.getText() !== t) assert.equal(docs.get(p)!.getText(), t, `undone to the original: ${p}`);
  }
  o.stats.chains++;
}

/** CPU time since `from` (the machine may be shared: wall time says little). */
function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return Math.round((u.user + u.system) / 1000);
}

/** The item-level edits, drawn by weight: those that take a whole list or key away (later edits have less to work on) and the whole text less often. */
const ITEM_OPS = Object.keys(OPS)
  .filter((op) => op !== 'type')
  .flatMap((op) => Array<string>(['deleteAll', 'deleteKey', 'replaceWhole'].includes(op) ? 1 : 2).fill(op));

describe('incremental parse = fresh parse, over planners\' edits as LSP range changes', function () {
  this.timeout(Math.max(600_000, CHAINS * 1_000));

  it('one item replaced by two among items of one length: the items after it are theirs, not their neighbours\'', () => {
    const item = (id: string) => `  - id: T-${id}\n    title: ${id}\n`;
    const text = `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n${['X', 'Y', 'B', 'C'].map(item).join('')}`;
    const before = parseText('/p/t.pilot.yaml', text);
    const lines = new LineIndex(text);
    const y = text.indexOf(item('Y'));
    // Y replaced by A and Y: B moves to where C was, with C's length.
    const after = applyChanges(before, [{ range: { start: lines.positionAt(y), end: lines.positionAt(y + item('Y').length) }, text: item('A') + item('Y') }]);
    assert.deepEqual((after.data as { tasks: { id: string }[] }).tasks.map((t) => t.id), ['T-X', 'T-A', 'T-Y', 'T-B', 'T-C']);
    assert.deepStrictEqual(after.data, parseText('/p/t.pilot.yaml', after.text).data);
  });

  it(`${CHAINS} chains of item-level edits over the example plans and a generated one: text, data, syntax, spans, pathAt and findings after every version`, () => {
    const stats = newStats();
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    for (let c = 0; c < CHAINS; c++) {
      const r = rng(7000 + c);
      const plan = PLANS[Math.floor(r() * PLANS.length)];
      runChain({ seed: 7000 + c, r, plan, crlf: r() < 0.2, ops: ITEM_OPS, edits: 1 + Math.floor(r() * 5), undo: r() < 0.35, stats });
    }
    const ops = [...stats.byOp].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`      (${stats.chains} chains, ${stats.versions} versions, ${stats.changes} changes in ${Date.now() - t0} ms, ${cpuMs(cpu0)} ms of CPU; ${stats.reused} versions kept items of the one before, ${stats.segmented} segmented before and after, ${stats.broken} broken, ${stats.withFindings} with findings; edits: ${ops})`);
    assert.ok(stats.reused > stats.versions / 2, 'most versions reuse the previous parses');
    assert.ok(stats.withFindings > stats.versions / 4, 'findings are compared');
  });

  it(`${TYPING_CHAINS} chains that type an item a keystroke at a time (broken YAML on the way), some undone`, () => {
    const stats = newStats();
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    for (let c = 0; c < TYPING_CHAINS; c++) {
      const r = rng(90000 + c);
      const plan = PLANS[Math.floor(r() * PLANS.length)];
      runChain({ seed: 90000 + c, r, plan, crlf: r() < 0.25, ops: r() < 0.5 ? ['type'] : ['type', 'move', 'insert', 'deleteItem'], edits: 1 + Math.floor(r() * 2), undo: r() < 0.3, stats });
    }
    console.log(`      (${stats.chains} chains, ${stats.versions} versions in ${Date.now() - t0} ms, ${cpuMs(cpu0)} ms of CPU; ${stats.broken} broken, ${stats.reused} kept items of the one before)`);
    assert.ok(stats.broken > stats.versions / 10, 'typing goes through broken versions');
  });
});

/**
 * An editor's text that is not the parsed text: the engine parses a text with
 * a lone CR made LF and without a byte order mark (load.ts), and applyChanges
 * applies the editor's ranges to that text, not to the editor's own.
 */
describe('incremental parse = fresh parse of the editor\'s text, when the editor\'s text is not the parsed text', () => {
  /** applyChanges against a fresh parse of what vscode-languageserver-textdocument makes of the same changes. */
  function sameAsEditor(text: string, changes: ContentChange[]): void {
    const doc = TextDocument.create('file:///p/x.pilot.yaml', 'pilot-plan', 1, text);
    TextDocument.update(doc, changes, 2);
    const inc = applyChanges(parseText('/p/x.pilot.yaml', text), changes);
    const fresh = parseText('/p/x.pilot.yaml', doc.getText());
    assert.deepStrictEqual(inc.data, fresh.data, `data after ${JSON.stringify(changes)} in ${JSON.stringify(text)} (the editor has ${JSON.stringify(doc.getText())})`);
    assert.equal(inc.text, fresh.text);
    assert.equal(inc.lines.lineCount, fresh.lines.lineCount);
  }

  it('a line break typed right after a lone CR makes a CRLF, one line break (the parsed text had an LF there: two)', () => {
    sameAsEditor('title: |\r  x\r  y\r', [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
  });

  it('an edit of the first line of a text that begins with a byte order mark (the editor counts it in the line\'s characters)', () => {
    sameAsEditor('\uFEFFa: 1\nb: 2\n', [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }, text: '2' }]);
  });
});
