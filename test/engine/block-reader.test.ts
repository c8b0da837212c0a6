/**
 * The block reader reads data, and `yaml` (yaml-file.ts) everything it
 * declines: whenever it returns data, `yaml` must parse the same text without
 * a problem to the same data, and its read of a whole file must cut the
 * segments segments.ts cuts. Checked on every example and each of its
 * segments, every conformance case, a corpus of the shapes it handles, and
 * thousands of mutants of all of them; and it must actually take the shipped
 * plans (a reader that gives up on everything passes the first check and helps
 * nobody).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as yamlParse } from 'yaml';
import { readBlock, readPlanFile } from '../../server/src/engine/parse/block-reader';
import { parseYaml } from '../../server/src/engine/parse/yaml-file';
import { segment } from '../../server/src/engine/parse/segments';
import { formatMessage } from '../../server/src/engine/i18n/messages';
import { repoRoot } from '../util/plan';
import { pilotFilesUnder } from '../util/examples';
import { mutate, rng } from '../util/mutants';
import { conformanceCases } from '../util/conformance';

const root = repoRoot();
const exampleFiles = pilotFilesUnder(path.join(root, 'examples'));

/**
 * Whether the reader took the text; throws when it took it and `yaml` (the
 * engine's full parse) finds a problem in it or other data, or when its
 * whole-file read cuts other segments than segments.ts (the next edit's parses
 * are found by segment).
 */
function agrees(text: string, label: string): boolean {
  const mine = readBlock(text);
  const file = readPlanFile(text);
  if (file) {
    assert.notEqual(mine, undefined, `${label}: read as a file but not as a block`);
    const seg = segment(text);
    if (seg) assert.deepEqual(file.segmentation, seg, `${label}: segments differ:\n${text}`);
  }
  if (mine === undefined) return false;
  const theirs = parseYaml('', text);
  assert.deepEqual(theirs.syntax.map((p) => formatMessage(p.message, 'en')), [], `${label}: the reader accepted text \`yaml\` rejects:\n${text}`);
  assert.deepEqual(mine, theirs.data, `${label}: data differs:\n${text}`);
  if (file) assert.deepEqual(file.data, mine, `${label}: file and block reads differ`);
  return true;
}

/** Each segment of a plan file the reader takes, as segmented-file.ts reads them after an edit. */
function segmentTexts(text: string): string[] {
  const file = readPlanFile(text);
  return file ? file.segmentation.segments.map((s) => text.slice(s.start, s.end)) : [];
}

// The shapes the reader handles, and their edges; each is also mutated below.
const CORPUS: Record<string, string> = {
  folded: 'a: >-\n  one\n  two\n\n  three\n\n\n  four\nb: >\n  x\n  y\n\nc: 1\n',
  literal: 'a: |\n  one\n    indented\n  # not a comment\n\n  two\nb: |-\n  x\n\n\nc: |\n  last\n',
  crlf: 'apiVersion: pilot-plan/v1\r\nkind: Tasks\r\ntasks:\r\n  - id: T-A\r\n    title: "甲"\r\n    text: >-\r\n      one\r\n      two\r\n',
  quoted: `a: 'it''s'\nb: "say 'hi'"\nc: ''\nd: ""\ne: '#not'  # but this is\nf: "a: b"\n`,
  flow: 'a: [1, two, "3", \'4\', -5, 0x1F, .inf, ~, null, true, False, 2022-02]\nb: { x: 1, y: [a, b], z: {} }\nc: []\nd: [ a b , c ]\n',
  nulls: 'a:\nb: ~\nc: # nothing\nd: [~, null]\ne: null\n',
  sequences: 'a:\n- x\n- y\nb:\n  - - p\n    - q\n  - - r\nc:\n  -   k: 1\n      l: 2\n',
  comments: '# head\n\na: 1 # one\n  # deeper comment\n\n# between\nb:   two   \nc: x#y\n',
  scalars: 'a: 12\nb: -3.5e2\nc: 0o17\nd: +12\ne: .NaN\nf: 1_000\ng: 007\nh: True\ni: no\nj: 2030\nk: 1e3\nl: 3.\n',
  numbers: 'a: [0, 0.5, 00.5, 0.0, 10.25, 1.5.2, 2025., 123456789012345, 12345678901234567, 1.234567890123456789, -0, 0x, 0b101, -.5, 9e999]\n',
  words: 'a: [~x, nul, Nulls, t, TRUE, tRUE, f, FALSE, Falsey, N, n]\n',
  plan: fs.readFileSync(path.join(root, 'examples', 'guangzhou', 'plan.pilot.yaml'), 'utf8'),
  segment: '  - id: T-A\n    title: 甲\n\n  - id: T-B\n',
  // Year keys, as a trend's `values` writes them, in block and flow mappings and a compact item.
  years: 'trend:\n  values:\n    2020: 420\n    2025: 455.5\n  energy: { values: { 2020: 182, 2030: 214 } }\n  list:\n    - 2028: 468\n',
  // Values without text, collections ended by blank lines and the file's end.
  spans: 'a:\nb:   \nd:\n  e: [ x ,  \'y\' , {p: 1, q: [2]} ]  # c\n  f: {}\n  g:\nh:\n  - i: 1\n    j: >-\n      text\n\n  -  plain  \n  - - deep\n\n\nk: |-\n  last',
};

// Text the reader must leave to `yaml` (it could misread it, or `yaml` rejects it).
const LEAVE: Record<string, string> = {
  anchor: 'a: &x 1\nb: *x\n',
  tag: 'a: !!str 1\n',
  duplicate: 'a: 1\na: 2\n',
  multiLinePlain: 'a: one\n  two\n',
  multiLineQuoted: 'a: "one\n  two"\n',
  escape: 'a: "tab\\there"\n',
  tab: 'a:\tb\n',
  keep: 'a: |+\n  x\n\n',
  indicator: 'a: |2\n   x\n',
  quotedKey: '"a": 1\n',
  complexKey: '? a\n: 1\n',
  document: '---\na: 1\n',
  nestedMapInPlain: 'a: b: c\n',
  trailingComma: 'a: [1, 2,]\n',
  proto: '__proto__: 1\n',
  boolKey: 'True: 1\n',
  badIndent: 'a:\n    b: 1\n  c: 2\n',
  lineAfterFlow: 'a: [1] x\n',
  emoji: 'a: 😀\n',
  loneCR: 'a: 1\rb: 2\n',
  empty: '',
  scalarDocument: 'just text\n',
  nullItem: 'a:\n - - \n - b\n', // [[null], b]: an empty item, which plans never write
  dashBeforeFlowIndicator: 'a: { b: -}\nc: [-, d]\n', // a dash that cannot start a scalar in a flow collection
  leadingZeroKey: 'a:\n  007: x\n', // `yaml` names it 7
  longDigitKey: 'a: { 1234567890123456: x }\n', // past a safe integer
  repeatedYear: 'a:\n  2020: 1\n  2020: 2\n',
};

describe('block reader = `yaml`', function () {
  this.timeout(120_000);

  it('takes every shipped example plan file that is not broken on purpose', () => {
    const clean = exampleFiles.filter((f) => !f.includes(`${path.sep}broken${path.sep}`));
    const taken = clean.filter((f) => agrees(fs.readFileSync(f, 'utf8'), path.relative(root, f)));
    assert.deepEqual(
      clean.filter((f) => !taken.includes(f)).map((f) => path.relative(root, f)),
      [],
    );
  });

  it('takes the shapes of its corpus, and agrees', () => {
    for (const [name, text] of Object.entries(CORPUS)) assert.ok(agrees(text, name), `${name}: not taken`);
  });

  it('reads every segment of the examples on its own, as `yaml` does (after an edit, segments are read one by one)', () => {
    let segments = 0;
    let taken = 0;
    for (const f of exampleFiles.filter((f) => !f.includes(`${path.sep}broken${path.sep}`))) {
      for (const s of segmentTexts(fs.readFileSync(f, 'utf8'))) {
        segments++;
        if (agrees(s, `${path.relative(root, f)}, segment ${JSON.stringify(s.slice(0, 40))}`)) taken++;
      }
    }
    console.log(`      (read ${taken} of ${segments} segments of the examples)`);
    assert.equal(taken, segments, 'every segment of a file the reader takes');
  });

  it('types plain scalars as `yaml`\'s core schema does: numbers in every spelling, dates, words, booleans and nulls', () => {
    const scalars = ['2025-06', '2025-06-30', '2025年', '1e-5', '1E+3', '12e-3', '3-e', '-1', '+1', '.5', '-.5', '+.5', '1.', '0.', '00', '007', '0', '-0', '1e5', '1e', 'e5', '1.2.3', '1_000', '1_', '1__0', '1e1_0', '0x1F', '0x', '0xG', '0o17', '0b101', '0b2', '+.inf', '-.Inf', '.NaN', '.nan', '1:30', '12:00:00', '1-2', '1+2', '-1-', '+-1', '1e+-3', '１２', '1 2', 'true', 'false', 'True', 'TRUE', 'FALSE', 'tRUE', 'null', 'Null', 'NULL', 'nULL', '~', 'yes', 'no', 'on', 'off', 'y', 'n', 'nan', 'inf', 'fals'];
    const declined = scalars.filter((v) => !agrees(`a: ${v}\nb:\n  - ${v}\n  - [${v}]\n`, JSON.stringify(v)));
    assert.deepEqual(declined, ['1:30', '12:00:00'], 'a colon inside a flow list is left to `yaml`; everything else is read');
    for (const v of scalars) {
      const text = `a: ${v}\nb:\n  - ${v}\n  - [${v}]\n`;
      const mine = readBlock(text);
      if (mine !== undefined) assert.deepStrictEqual(mine, yamlParse(text), `${JSON.stringify(v)}: as \`yaml\` reads it`);
    }
  });

  it('leaves unusual or broken text to `yaml`', () => {
    for (const [name, text] of Object.entries(LEAVE)) assert.equal(readBlock(text), undefined, name);
  });

  it('every example file, broken ones included: same data or no answer', () => {
    for (const f of exampleFiles) agrees(fs.readFileSync(f, 'utf8'), path.relative(root, f));
  });

  it('every case of the YAML conformance suite: same data or no answer', () => {
    let n = 0;
    for (const c of conformanceCases()) if (agrees(c.text, c.name)) n++;
    console.log(`      (the reader took ${n} conformance cases)`);
  });

  it('10,000 mutants of the examples and the corpus: same data or no answer', () => {
    const r = rng(20261128);
    const strays = ['"', "'", "''", ':', ': ', '[', '{', ']', '}', ',', '- ', '-', '#', ' #', '|', '>-', '|-', '|+', '>2', '&a ', '*a', '!t ', '? ', '--- ', '\\', '\t', '\r', '~', 'null', '0x1F', '.inf', '1_0', 'True', '  ', '\n'];
    const texts = [...exampleFiles.map((f) => fs.readFileSync(f, 'utf8')).filter((t) => t.length < 20000), ...Object.values(CORPUS)];
    let taken = 0;
    let segmentsTaken = 0;
    for (let k = 0; k < 10_000; k++) {
      let t = texts[Math.floor(r() * texts.length)];
      const edits = 1 + Math.floor(r() * 3);
      for (let e = 0; e < edits; e++) t = mutate(t, r, strays);
      if (agrees(t, `mutant ${k}`)) taken++;
      // One of its segments on its own, as after an edit, on one mutant in five.
      if (k % 5 === 0) {
        const segs = segmentTexts(t);
        if (segs.length && agrees(segs[Math.floor(r() * segs.length)], `mutant ${k}, a segment`)) segmentsTaken++;
      }
    }
    console.log(`      (the reader took ${taken} of 10,000 mutants, and ${segmentsTaken} of their segments)`);
    assert.ok(taken > 2000, 'the reader is exercised');
    assert.ok(segmentsTaken > 200, 'segments are exercised');
  });
});
