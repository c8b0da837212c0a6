/**
 * The fast segmented parse must be indistinguishable from the full `yaml`
 * parse: same verdict (syntax error or not), same data, same positions. Checked
 * on every example and conformance case, and on thousands of mutants of the
 * examples (lines deleted, duplicated, re-indented, stray characters).
 */
import { edited as nextVersion } from '../util/text-change';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseText } from '../../server/src/engine/parse/load';
import { parseYaml } from '../../server/src/engine/parse/yaml-file';
import { SegmentedParsedFile } from '../../server/src/engine/parse/segmented-file';
import { segment } from '../../server/src/engine/parse/segments';
import { lineChangeOf as lineChange } from '../util/text-change';
import { MAX_DEPTH } from '../../server/src/engine/parse/depth';
import type { JsonPath } from '../../server/src/engine/parse/parsed-file';
import { repoRoot } from '../util/plan';
import { pilotFilesUnder } from '../util/examples';
import { mutate, rng } from '../util/mutants';
import { conformanceCases } from '../util/conformance';

const root = repoRoot();
const exampleFiles = pilotFilesUnder(path.join(root, 'examples'));

function* paths(v: unknown, p: JsonPath = []): Generator<JsonPath> {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      yield [...p, i];
      yield* paths(v[i], [...p, i]);
    }
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
    yield [...p, k];
    yield* paths(x, [...p, k]);
  }
}

/** Same verdict; if valid, same data and same spans everywhere. Returns whether the fast path was taken. */
function compare(text: string, label: string, spans = true, previousText?: string, screenedPrevious = false): boolean {
  const full = parseYaml('x', text);
  // With a previous version, unchanged segments keep its parses and the rest is parsed one by one. A previous
  // version that was itself an edit passed segments.ts's screens, so only the edited lines are screened again.
  let previous = previousText === undefined ? undefined : parseText('x', previousText);
  if (previous && screenedPrevious) previous = nextVersion(previous, previousText!);
  const fast = previous ? nextVersion(previous, text) : parseText('x', text);
  const fullBad = full.syntax.length > 0;
  const fastBad = fast.syntax.length > 0;
  assert.equal(fastBad, fullBad, `${label}: verdicts differ (full: ${full.syntax.map((s) => JSON.stringify(s.message)).join(', ') || 'valid'})`);
  if (!(fast instanceof SegmentedParsedFile)) return false;
  // Both broken: the verdict is what must agree. Where they point may differ: a segment's parse
  // stops at the segment's end, so an unclosed quote is reported where it opens rather than where
  // the whole-file parse gives up, dozens of lines later.
  if (fullBad) return true;
  assert.deepEqual(fast.data, full.data, `${label}: data differs`);
  if (spans) {
    for (const p of paths(full.data)) {
      for (const part of ['key', 'value'] as const) {
        assert.deepEqual(fast.span(p, part), full.span(p, part), `${label}: span of ${p.join('.')} (${part})`);
      }
    }
    for (let o = 0; o < text.length; o += 97) {
      // At a line start the full parse's inclusive node ends make the answer ambiguous: skip.
      if (text[o - 1] === '\n') continue;
      const a: ReturnType<SegmentedParsedFile["pathAt"]> = fast.pathAt(o);
      const b = full.pathAt(o);
      if (a && b && b.path.length > 1) assert.deepEqual(a, b, `${label}: pathAt(${o})`);
    }
  }
  return true;
}

describe('segmented parse = full parse', function () {
  this.timeout(120_000);

  it('takes the fast path for the shipped example plans', () => {
    const clean = exampleFiles.filter((f) => !f.includes(`${path.sep}broken${path.sep}`));
    const fast = clean.filter((f) => parseText(f, fs.readFileSync(f, 'utf8')) instanceof SegmentedParsedFile);
    assert.ok(fast.length >= clean.length - 1, `fast path for ${fast.length} of ${clean.length}`);
  });

  it('a list item that ends in a comment at the indentation of its inner list ends where `yaml` ends it: at the next dash', () => {
    // `yaml` ends such an item after the next line's indentation, which the item's segment does not hold.
    for (const comment of ['      # c\n', '        # c\n', '    # c\n', '']) {
      const text = `apiVersion: pilot-plan/v1\nlist:\n  - a: 1\n    t:\n      - { y: 1 }  # x\n${comment}  - a: 3\n`;
      const fast = parseText('x', text);
      assert.ok(fast instanceof SegmentedParsedFile, 'the fast path');
      compare(text, JSON.stringify(comment));
      const edited = text.replace('a: 3', 'a: 4');
      compare(edited, `${JSON.stringify(comment)} after an edit`, true, text);
    }
  });

  it('every example file: same verdict, data and positions', () => {
    for (const f of exampleFiles) compare(fs.readFileSync(f, 'utf8'), path.relative(root, f));
  });

  it('an item whose last value is empty with a comment after it ends where its line ends, either way', () => {
    // `yaml` ended such an item at the next item's indentation; a segment parsed alone at its line's start.
    for (const t of ['tasks:\n  - id: A\n    due: #2030\n\n  # c\n  - id: B\n', 'tasks:\n  - id: A\n    due: # x\n  - id: B\n']) {
      assert.ok(compare(t, JSON.stringify(t)), 'the fast path');
      assert.equal(parseYaml('x', t).span(['tasks', 0], 'value')!.end, t.indexOf('  - id: B'));
    }
  });

  it('every case of the YAML conformance suite: same verdict', () => {
    let n = 0;
    // Several documents are one file's problem in both paths; compare the rest.
    for (const c of conformanceCases()) if (compare(c.text, c.name, false)) n++;
    console.log(`      (${n} conformance cases took the fast path)`);
  });

  // Half the mutants get the snippets that the screen of segments.ts and the block reader look for.
  const STRAYS = ['"', "'", ':', ': ', '[', '{', ']', '- ', '#', ' #', '|', '>-', '|2', '&a ', ' &a', '*a', ' *a', '!t ', ' !t', '? ', '--- ', '%', '\t', '~', '  '];

  it('5,000 mutants of the examples: same verdict, data and positions', () => {
    const r = rng(20231206);
    let fast = 0;
    let total = 0;
    const texts = exampleFiles.map((f) => fs.readFileSync(f, 'utf8')).filter((t) => t.length < 20000);
    for (let k = 0; k < 5000; k++) {
      let t = texts[Math.floor(r() * texts.length)];
      const before = t;
      const edits = 1 + Math.floor(r() * 3);
      for (let e = 0; e < edits; e++) t = mutate(t, r, k % 2 ? STRAYS : undefined);
      total++;
      const original = before;
      if (compare(t, `mutant ${k}:\n${t}`, k % 10 === 0)) fast++;
      // The same mutant as an edit of its original: the incremental path must agree too.
      compare(t, `mutant ${k} as an edit:\n${t}`, k % 10 === 5, original, k % 4 >= 2);
    }
    console.log(`      (${fast} of ${total} mutants took the fast path)`);
    assert.ok(fast > total / 3, 'the fast path is exercised');
  });

  it('an edit of screened text is screened around its lines only, with the verdict of screening it all (20,000 mutants)', () => {
    const r = rng(20261202);
    const texts = exampleFiles.map((f) => fs.readFileSync(f, 'utf8')).filter((t) => t.length < 20000 && segment(t));
    let refused = 0;
    for (let k = 0; k < 20000; k++) {
      const original = texts[Math.floor(r() * texts.length)];
      let t = original;
      for (let e = 1 + Math.floor(r() * 2); e > 0; e--) t = mutate(t, r, k % 2 ? STRAYS : undefined);
      const edit = lineChange(original, t);
      if (!edit) continue;
      const all = segment(t);
      if (!all) refused++;
      assert.deepEqual(segment(t, edit), all, `mutant ${k}:\n${t}`);
    }
    assert.ok(refused > 2000, `${refused} mutants refused by the screens or the segmenter`);
    // Constructs that reach past the edited line, which random edits hardly make: a block scalar's header
    // above it, a header made whose next line is spaces, a header after blank lines below a key.
    const cases: [string, string][] = [
      ['a: |\n  x\n  y\nb: 1\n', 'a: |\n   \n  y\nb: 1\n'],
      ['a: x\n   \nb: 2\n', 'a: |\n   \nb: 2\n'],
      ['k:\n\n\n  x2 # c\nb: 1\n', 'k:\n\n\n  |2 # c\nb: 1\n'],
    ];
    for (const [before, after] of cases) {
      assert.ok(segment(before), `screened: ${before}`);
      assert.equal(segment(after), undefined, `refused when screened whole: ${after}`);
      assert.equal(segment(after, lineChange(before, after)), undefined, `refused around the edit: ${after}`);
    }
  });

  it('a segment the block reader declines is read by `yaml`, with its positions; the rest by the block reader', () => {
    const text = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-1\n    "title": 甲\n  - id: T-2\n    title: 乙\n';
    const f = parseText('x', text);
    assert.ok(f instanceof SegmentedParsedFile, 'segmented although the block reader declines the file');
    assert.equal(f.syntax.length, 0);
    assert.deepEqual(f.data, parseYaml('x', text).data);
    assert.deepEqual(f.span(['tasks', 0, 'title'], 'key'), { start: text.indexOf('"title"'), end: text.indexOf('"title"') + 7 });
    assert.deepEqual(f.span(['tasks', 1, 'title'], 'value'), { start: text.indexOf('乙'), end: text.indexOf('乙') + 1 });
  });

  it('a list item nested to the limit and past it: the whole file\'s verdict, on a first parse and after an edit', () => {
    const deep = (n: number) => `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-1\n    x-a: ${'['.repeat(n - 3)}1${']'.repeat(n - 3)}\n  - id: T-2\n`;
    for (let n = MAX_DEPTH - 2; n <= MAX_DEPTH + 2; n++) {
      const text = deep(n);
      const full = parseYaml('x', text);
      assert.equal(full.syntax.length > 0, n > MAX_DEPTH, `depth ${n} as the full parse counts it`);
      for (const previous of [undefined, parseText('x', deep(5))]) {
        const fast = previous ? nextVersion(previous, text) : parseText('x', text);
        assert.deepEqual(fast.syntax, full.syntax, `depth ${n}${previous ? ', an edit' : ''}`);
        assert.deepEqual(fast.data, full.data, `depth ${n}${previous ? ', an edit' : ''}`);
      }
    }
  });

  it('an edit re-parses only the segment it touches', () => {
    const f = path.join(root, 'examples', 'guangzhou', 'projects.pilot.yaml');
    const text = fs.readFileSync(f, 'utf8');
    const before = parseText(f, text) as SegmentedParsedFile;
    const edited = text.replace(/name: ([^\n]+)/, 'name: $1（调整）');
    const after = nextVersion(before, edited) as SegmentedParsedFile;
    assert.ok(after instanceof SegmentedParsedFile);
    // A segment's parse in the new version (its own, by place) is the old version's, or new.
    const change = lineChange(text, edited);
    let reused = 0;
    let fresh = 0;
    for (const s of segment(edited)!.segments) {
      const theirs = before.lend(s, change);
      if (theirs && after.lend(s, undefined) === theirs) reused++;
      else fresh++;
    }
    assert.equal(fresh, 1, 'one segment parsed again');
    assert.ok(reused > 5);
    assert.deepEqual(after.data, parseYaml(f, edited).data);
  });
});
