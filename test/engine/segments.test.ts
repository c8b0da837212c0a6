/**
 * segment() itself, line by line: which text it splits and where. The
 * differential tests (segmented-parse, segments-incremental) compare parses,
 * and a segmenter that gives up on more text than it must, or cuts a list
 * item a line early, still parses the same through the full path: these pin
 * the segments down. Found missing by mutation testing (npm run mutation).
 */
import * as assert from 'node:assert/strict';
import { segment, type Segmentation } from '../../server/src/engine/parse/segments';
import { parseText } from '../../server/src/engine/parse/load';
import { parseYaml } from '../../server/src/engine/parse/yaml-file';
import { lineChangeOf as lineChange } from '../util/text-change';

/** Each segment as `key` or `key[index]`, and its text. */
function cut(text: string): string[] | undefined {
  const s = segment(text);
  return s?.segments.map((x) => `${x.key}${x.index === undefined ? '' : `[${x.index}]`} ${JSON.stringify(text.slice(x.start, x.end))}`);
}

describe('segment(): where a plan file is cut', () => {
  it('one segment per top-level key, leading comments with the first and blank lines or comments with the one before', () => {
    const text = '# head\n\napiVersion: pilot-plan/v1\nkind: Tasks # 任务\n\n# about x\nx-a: 1\n';
    assert.deepEqual(cut(text), ['apiVersion "# head\\n\\napiVersion: pilot-plan/v1\\n"', 'kind "kind: Tasks # 任务\\n\\n# about x\\n"', 'x-a "x-a: 1\\n"']);
    const s = segment(text)!;
    assert.deepEqual(s.segments.map((x) => [x.start, x.end]), [[0, 34], [34, 62], [62, 69]]);
    assert.deepEqual([...s.listKeys], []);
  });

  it('one segment per item of a top-level block list, an item taking its deeper lines, blank lines and comments', () => {
    const text = 'kind: Tasks\ntasks:\n  - id: T-1\n    title: 甲\n\n  # 乙\n  - id: T-2\n    dependsOn:\n      - T-1\n  -\n    id: T-3\nx-end: 1';
    assert.deepEqual(cut(text), [
      'kind "kind: Tasks\\n"',
      'tasks "tasks:\\n"',
      'tasks[0] "  - id: T-1\\n    title: 甲\\n\\n  # 乙\\n"',
      'tasks[1] "  - id: T-2\\n    dependsOn:\\n      - T-1\\n"',
      'tasks[2] "  -\\n    id: T-3\\n"',
      'x-end "x-end: 1"',
    ]);
    assert.deepEqual([...segment(text)!.listKeys], ['tasks']);
  });

  it('a list at the key\'s own indentation, after a comment, with CRLF line ends, to the end of a file without a last line break', () => {
    assert.deepEqual(cut('a: # 列表\n- x\n-\n- y\r\nb: 1\r\n'), ['a "a: # 列表\\n"', 'a[0] "- x\\n"', 'a[1] "-\\n"', 'a[2] "- y\\r\\n"', 'b "b: 1\\r\\n"']);
    assert.deepEqual(cut('a:\n  - x\n  -'), ['a "a:\\n"', 'a[0] "  - x\\n"', 'a[1] "  -"']);
    assert.deepEqual(cut('a:\r\n  - x\r\n  -\r\n  - y\r\n'), ['a "a:\\r\\n"', 'a[0] "  - x\\r\\n"', 'a[1] "  -\\r\\n"', 'a[2] "  - y\\r\\n"']);
    assert.deepEqual(cut('a: 1\r\n\r\n  \r\nb: 2\r\n'), ['a "a: 1\\r\\n\\r\\n  \\r\\n"', 'b "b: 2\\r\\n"']);
  });

  it('blank lines first, and spaces without a line break last, are blank lines too', () => {
    assert.deepEqual(cut('\n\na: 1\n'), ['a "\\n\\na: 1\\n"']);
    assert.deepEqual(cut('a:\n    - x\n  '), ['a "a:\\n"', 'a[0] "    - x\\n  "']);
  });

  it('not a list: a key with a value on its line, a mapping under the key, items deeper than the first, a dash without a space', () => {
    assert.deepEqual(cut('a: x\n  - y\nb:\n  c: 1\n  d:\n    - e\n'), ['a "a: x\\n  - y\\n"', 'b "b:\\n  c: 1\\n  d:\\n    - e\\n"']);
    assert.deepEqual(cut('a:\n  - x\n    - y\n  -z: 1\n'), ['a "a:\\n"', 'a[0] "  - x\\n    - y\\n  -z: 1\\n"']);
    assert.deepEqual(cut('a:\n  b c: 1\n  d e: 2\n'), ['a "a:\\n  b c: 1\\n  d e: 2\\n"']);
    assert.deepEqual([...segment('a: x\n  - y\n')!.listKeys], []);
  });

  it('the list ends at the next key: the items of the next list count from 0 again', () => {
    assert.deepEqual(cut('a:\n  - 1\n  - 2\nb: x\nc:\n    - 3\n'), ['a "a:\\n"', 'a[0] "  - 1\\n"', 'a[1] "  - 2\\n"', 'b "b: x\\n"', 'c "c:\\n"', 'c[0] "    - 3\\n"']);
    assert.deepEqual([...segment('a:\n  - 1\nb: x\nc:\n    - 3\n')!.listKeys], ['a', 'c']);
  });

  it('keys as plans write them: quoted, with dots, dashes, digits, `$` and `_`, a space before the colon', () => {
    const text = '"a b": 1\n\'c d\': 2\nx.y-z_1$: 3\n_k : 4\n$v:\n';
    assert.deepEqual(segment(text)!.segments.map((s) => s.key), ['a b', 'c d', 'x.y-z_1$', '_k', '$v']);
  });

  it('values that close on their line: flow collections with quotes and brackets inside, quoted text with escapes, comments after', () => {
    for (const v of ['[1, "]", \'[\', {a: [b]}]', '[a] # c', '{}', '{ a: "}" }  #', '"say \\"hi\\""', '"a # b" # c', "'it''s'", "'x'  # c", '""', "''", 'plain # c', '[ ]', '[a, b#c]', '{a: b#c}']) {
      assert.deepEqual(cut(`a: ${v}\nb: 1\n`), [`a ${JSON.stringify(`a: ${v}\n`)}`, 'b "b: 1\\n"'], v);
    }
  });

  it('gives up on values that run on past their line: open flow collections and quotes, or text after the closing one', () => {
    for (const v of ['[1,', '[a, [b]', '{a: 1', '[a] b', '[a]]', '["]"', '"x', '"x" y', '"x\\"', "'x", "'it''s", "'x' y", '"a" b "c"', "'a' b 'c'"]) {
      assert.equal(segment(`a: ${v}\n  y]\nb: 1\n`), undefined, v);
    }
  });

  it('gives up where the top level is not a simple block mapping', () => {
    for (const text of ['', '\n# only a comment\n', 'just text\n', '- a\n- b\n', '  a: 1\n', 'a: 1\na: 2\n', 'a: 1\n"a": 2\n', 'a:\n  - x\n -y\n', 'a:\n  - x\n b: 1\n', 'a b: 1\n', '"a\\"b": 1\n', 'a:1\n', '1a: 2\n', 'a: 1\n-b\n']) {
      assert.equal(segment(text), undefined, JSON.stringify(text));
    }
  });
});

describe('segment(): the screens, both ways', () => {
  // Each refused text next to a look-alike that is plain YAML: a screen that took either for the other
  // would send plans the wrong way, and the differential tests see only the first.
  const PAIRS: [refused: string, taken: string][] = [
    ['a: &x 1\n', 'a: x&y 1\n'],
    ['a: *x\n', 'a: 5 * 3\n'],
    ['a: [1, *x]\n', 'a: [1, "*x"]\n'],
    ['a: {b: &x 1}\n', 'a: {b: x&1}\n'],
    ['a: !t 1\n', 'a: 1!\n'],
    ['a:\n  - !t 1\n', 'a:\n  - 1 !\n'],
    ['%YAML 1.2\na: 1\n', 'a: 50%\n'],
    ['a: 1\n---\nb: 2\n', 'a: ---\nb: 2\n'],
    ['a: 1\n...\n', 'a: ...x\n'],
    ['a:\n  ? b\n  : 1\n', 'a: what?\n'],
    ['a:\n  ?\n', 'a: ?b\n'],
    ['a: "x"# c\n', 'a: "x" # c\n'],
    ["a: 'x'# c\n", 'a: x# c\n'],
    ['a: [x]# c\n', 'a: [x] # c\n'],
    ['a: {x: 1}# c\n', 'a: {x: 1} # c\n'],
    ['a: {[b]: 1}\n', 'a: {b: [1]}\n'],
    ['a: {{b: 1}: 1}\n', 'a: {b: {c: 1}}\n'],
    ['a:\tb\n', 'a: b\n'],
    ['a: |2\n   x\n', 'a: |\n   x\n'],
    ['a: >-1\n  x\n', 'a: >-\n  x\n'],
    ['a: |\n   \n  x\n', 'a: |\n\n  x\n'],
    ['a: >+ # c\n  \n  x\n', 'a: >+ # c\n  x\n'],
    ['a:\n  |\n  x\n', 'a:\n  x |\n'],
  ];

  for (const [refused, taken] of PAIRS) {
    it(`refuses ${JSON.stringify(refused)}, takes ${JSON.stringify(taken)}`, () => {
      assert.equal(segment(refused), undefined);
      assert.ok(segment(taken));
    });
  }

  it('an edit is screened around its lines: two lines that are not blank each side, and no further', () => {
    const before = 'a: 1\nb: 2\n\nc: 3\nd: 4\ne: 5\n\nf: 6\ng: 7\nh: 8\n';
    // An anchor the edit of `e` did not make is not looked for again (the text before the edit passed
    // the screens whole), except on the two lines that are not blank on either side of it.
    const cases: [string, string, boolean][] = [
      ['b: 2', 'b: &x 2', false],
      ['c: 3', 'c: &x 3', true],
      ['g: 7', 'g: &x 7', true],
      ['h: 8', 'h: &x 8', false],
    ];
    for (const [line, anchored, seen] of cases) {
      const text = before.replace(line, anchored);
      const edited = text.replace('e: 5', 'e: 55');
      assert.equal(segment(edited), undefined, `${anchored}: refused when screened whole`);
      assert.equal(segment(edited, lineChange(text, edited)) === undefined, seen, `${anchored}: ${seen ? 'seen' : 'not seen'} around the edit`);
    }
    // The last line, without a line break after it, is one of the two.
    const last = 'a: 1\nb: 2\nc: &x 3';
    assert.equal(segment(last.replace('b: 2', 'b: 22'), lineChange(last, last.replace('b: 2', 'b: 22'))), undefined, 'the last line');
  });
});

describe('segment() after an edit: the lines around it scanned, the rest the previous version\'s', () => {
  const TEXT = 'kind: Tasks\ntasks:\n  - id: T-0\n    title: 甲\n  - id: T-1\n    title: 乙\n  - id: T-2\n    title: 丙\n  - id: T-3\n  - id: T-4\nx-end: 1\n';

  /** The previous version's segments, those from `from` on marked `~`: a whole scan would never give them. */
  function marked(text: string, from: number): Segmentation {
    const s = segment(text)!;
    return { ...s, segments: s.segments.map((x, i) => (i < from ? x : { ...x, key: `${x.key}~` })) };
  }

  /** Each segment as `key[index] start-end`; `=` before it where it is the previous version's own object. */
  function after(before: string, edited: string, previous: Segmentation): string[] | undefined {
    const s = segment(edited, undefined, { segmentation: previous, change: lineChange(before, edited)! });
    return s?.segments.map((x, i) => `${previous.segments[i] === x ? '=' : ''}${x.key}${x.index === undefined ? '' : `[${x.index}]`} ${x.start}-${x.end}`);
  }

  it('an edit inside an item: from the segment before it to the one after it scanned, the rest taken over and moved', () => {
    // Segments: 0 kind, 1 tasks, 2-6 the items, 7 x-end. The edit is in item 1 (segment 3): the scan starts at
    // segment 2 and is back in step at segment 4; segments 5 on come from the previous version, moved by 3.
    const edited = TEXT.replace('title: 乙', 'title: 乙（改）');
    assert.deepEqual(after(TEXT, edited, marked(TEXT, 5)), ['=kind 0-12', '=tasks 12-19', 'tasks[0] 19-44', 'tasks[1] 44-72', 'tasks[2] 72-97', 'tasks~[3] 97-109', 'tasks~[4] 109-121', 'x-end~ 121-130']);
  });

  it('back in step only on a line after the change, and an item added renumbers those taken over', () => {
    // The edit is on item 1's first line: item 1 is scanned, and item 2 is where the scan is back in step.
    const first = TEXT.replace('- id: T-1', '- id: T-1b');
    assert.deepEqual(after(TEXT, first, marked(TEXT, 5)), ['=kind 0-12', '=tasks 12-19', 'tasks[0] 19-44', 'tasks[1] 44-70', 'tasks[2] 70-95', 'tasks~[3] 95-107', 'tasks~[4] 107-119', 'x-end~ 119-128']);
    // An item inserted before item 2 (lineChange: `1b\n  - id: T-` after `T-`, so item 2's line is changed
    // too): the scan starts at item 1, is back in step at item 3, and item 4 becomes item 5.
    const added = TEXT.replace('  - id: T-2\n', '  - id: T-1b\n  - id: T-2\n');
    assert.deepEqual(after(TEXT, added, marked(TEXT, 6)), ['=kind 0-12', '=tasks 12-19', '=tasks[0] 19-44', 'tasks[1] 44-69', 'tasks[2] 69-82', 'tasks[3] 82-107', 'tasks[4] 107-119', 'tasks~[5] 119-131', 'x-end~ 131-140']);
  });

  it('an edit of the first segments scans from the start; of the third, keeps the first', () => {
    // Not back in step at `tasks:`, a key whose value is still to come, but at its first item.
    const head = TEXT.replace('kind: Tasks', 'kind: Tasks # 任务');
    assert.deepEqual(after(TEXT, head, marked(TEXT, 3)), ['kind 0-17', 'tasks 17-24', 'tasks[0] 24-49', 'tasks~[1] 49-74', 'tasks~[2] 74-99', 'tasks~[3] 99-111', 'tasks~[4] 111-123', 'x-end~ 123-132']);
    const third = TEXT.replace('title: 甲', 'title: 甲（改）');
    assert.deepEqual(after(TEXT, third, marked(TEXT, 4)), ['=kind 0-12', 'tasks 12-19', 'tasks[0] 19-47', 'tasks[1] 47-72', 'tasks~[2] 72-97', 'tasks~[3] 97-109', 'tasks~[4] 109-121', 'x-end~ 121-130']);
  });

  it('not back in step where the previous version had no segment: a list whose items the edit moved in', () => {
    // The first item, indented further, takes the next line as an item of its own; that line started no
    // segment before, and the next one that did is not where the scan is: it goes on, to a line less
    // indented than the list, which no whole scan takes either.
    const before = 'a:\n  - p\n    - z\n  - q\n';
    const edited = before.replace('  - p', '    - p');
    assert.equal(segment(edited), undefined);
    assert.equal(after(before, edited, segment(before)!), undefined);
  });

  it('a key the edit made twice is found, before the scan starts and among the segments taken over', () => {
    const text = 'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n';
    for (const [from, to] of [['e: 5', 'a: 5'], ['b: 2', 'f: 2'], ['c: 3', 'e: 3']]) {
      const edited = text.replace(from, to);
      assert.equal(segment(edited), undefined, to);
      assert.equal(after(text, edited, segment(text)!), undefined, to);
    }
  });
});

describe('segment(): keys no screen keeps off the segmented path', () => {
  // Empty and null keys once had screens of their own; a segment's parse gives what the whole file's does.
  const plan = (v: string) => `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-1\n    title: 甲\n  - id: T-2\n    x:${v}\n  - id: T-3\n`;
  for (const v of [' [b,: c]', ' { : c}', ' [~: 1]', ' {Null: 1, null: 2}', '\n      ~: x', '\n      null: x\n      ~: y', '\n      NULL :']) {
    it(`x:${JSON.stringify(v)} in a list item: segmented, and the data and problems of the whole file's parse`, () => {
      const text = plan(v);
      assert.ok(segment(text), 'segmented');
      const a = parseText('/p/t.pilot.yaml', text);
      const b = parseYaml('/p/t.pilot.yaml', text);
      assert.deepEqual([a.data, a.syntax], [b.data, b.syntax]);
    });
  }
  it('a collection as a key is refused: a segment would drop its item', () => {
    assert.equal(segment(plan(' {[b]: 1}')), undefined);
  });
});
