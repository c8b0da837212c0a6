/**
 * Splitting a pilot plan file into independent segments: one per top-level
 * key, and one per item of a top-level block sequence (`tasks:` → `  - id: …`).
 *
 * Why: a 10k-line Tasks file is 1,250 small YAML documents in disguise. Parsed
 * segment by segment, an edit re-parses one segment and every other one comes
 * from the cache; positions are computed only for the segments that need them.
 *
 * The split is conservative. Anything whose meaning can cross a segment
 * boundary or that the fast parser judges differently from the `yaml` package
 * (anchors and aliases, tags, directives, document markers, tabs in
 * indentation, complex keys, empty keys in flow collections, a `#` glued to a
 * closing quote or bracket,
 * multi-line flow collections or quoted scalars at the top level, a top level
 * that is not a block mapping) makes `segment()` return undefined, and the
 * whole file takes the full `yaml` path instead.
 */

import type { LineChange } from '../text/line-change';

export interface Segment {
  /** Offset of the segment's first line in the file. */
  start: number;
  /** Offset after its last line (line break included). */
  end: number;
  /** The top-level key it belongs to. */
  key: string;
  /** Item index within the key's block sequence, or undefined for the key's own segment. */
  index?: number;
}

export interface Segmentation {
  segments: Segment[];
  /** Top-level keys whose value is a block sequence split into item segments. */
  listKeys: Set<string>;
}

// Constructs whose meaning crosses lines or that parsers disagree on: leave them to the full parser.
// Each test runs only when a character it needs occurs at all, so a plain file pays a few scans.
// (Block scalars are fine, except with explicit indentation or with leading lines of spaces.)
const SCREENS: [string[], RegExp][] = [
  [['&', '*', '!'], /(^|[\s[{,])[&*!][^\s,\]}]/m],
  [['%'], /^%/m],
  [['---', '...'], /^(---|\.\.\.)(\s|$)/m],
  [['?'], /^\s*\?(\s|$)/m],
  [['#'], /["'\]}]#/],
  // An empty key in a flow collection (`[a,: b]`): js-yaml names it "null", the `yaml` package "".
  [[':'], /[[{,][ ]*:/],
  [['\t'], /\t/],
  [['|', '>'], /^\s*[|>][-+0-9]*\s*$|:\s*[|>][-+]?[1-9]|[|>][-+]?[ ]*(#[^\n]*)?\r?\n[ ]+\r?\n/m],
];

/** Whether the text holds a construct that keeps it off the segmented path (see above). */
function unsafe(text: string): boolean {
  for (const [chars, re] of SCREENS) {
    if (chars.some((c) => text.includes(c)) && re.test(text)) return true;
  }
  return false;
}

/**
 * The part of an edited text the screens must see when the text before the
 * edit passed them: the lines the edit changed, and around them two lines that
 * are not blank on either side. A construct the edit did not make was in the
 * old text too; one it made matches within its line and the next (a block
 * scalar's header and a line of spaces), or across blank lines (`key:`, blank
 * lines, `|2 # …`), which the window skips over.
 */
function screenWindow(text: string, edit: LineChange): [number, number] {
  let start = edit.from;
  for (let k = 0; k < 2 && start > 0; ) {
    const line = text.lastIndexOf('\n', start - 2) + 1;
    if (text.slice(line, start).trim()) k++;
    start = line;
  }
  let end = edit.to + edit.delta;
  for (let k = 0; k < 2 && end < text.length; ) {
    const nl = text.indexOf('\n', end);
    const next = nl < 0 ? text.length : nl + 1;
    if (text.slice(end, next).trim()) k++;
    end = next;
  }
  return [start, end];
}
// A top-level key line, matched in place (sticky) so that lines are never copied.
const TOP_KEY = /(?:([A-Za-z_$][\w$.-]*)|"([^"\\\n]*)"|'([^'\n]*)')[ ]*:(?:[ ]+([^\n]*?))?\r?$/my;

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const DASH = 45;

/** Whether an item indicator `-` stands at `at` (followed by a space or the end of the line). */
function isItem(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== DASH) return false;
  const c = text.charCodeAt(at + 1);
  return c === SPACE || c === LF || c === CR || Number.isNaN(c);
}

/**
 * The segments of `text`, or undefined when it is not for the segmented path.
 * `edit`: the text is an edit of one that passed the screens (a segmented
 * file's), so only the window around the edit is screened (a 100k-line file
 * is 2 million characters, and screening it all took ~10 ms a keystroke).
 */
export function segment(text: string, edit?: LineChange): Segmentation | undefined {
  if (edit) {
    const [a, b] = screenWindow(text, edit);
    if (unsafe(text.slice(a, b))) return undefined;
  } else if (unsafe(text)) return undefined;
  const segments: Segment[] = [];
  const listKeys = new Set<string>();
  const seenKeys = new Set<string>();
  let current: Segment | undefined;
  let listIndent: number | undefined; // indentation of the current key's sequence items
  let pendingKeyValue = false; // the current key has no inline value yet: its block value decides
  let index = 0;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const next = eol < n ? eol + 1 : n;
    let first = pos;
    while (first < eol && text.charCodeAt(first) === SPACE) first++;
    const c = first < eol ? text.charCodeAt(first) : LF;
    if (c === LF || c === CR || c === HASH) {
      // Blank and comment lines belong to the segment before them (leading ones to the first).
      if (current) current.end = next;
      pos = next;
      continue;
    }
    const indent = first - pos;
    if (pendingKeyValue && current) {
      pendingKeyValue = false;
      if (isItem(text, first)) {
        listIndent = indent;
        listKeys.add(current.key);
        index = 0;
      }
    }
    if (listIndent !== undefined && indent === listIndent && isItem(text, first)) {
      current = { start: pos, end: next, key: current!.key, index: index++ };
      segments.push(current);
    } else if (indent === 0) {
      TOP_KEY.lastIndex = pos;
      const m = TOP_KEY.exec(text);
      if (!m || m.index !== pos) return undefined; // a top level that is not a simple block mapping
      const key = m[1] ?? m[2] ?? m[3];
      if (seenKeys.has(key)) return undefined; // duplicate keys: the full parser reports them
      seenKeys.add(key);
      listIndent = undefined;
      const value = m[4]?.trim() ?? '';
      // A flow collection or quoted scalar that does not close on its line may run on: not ours.
      if ((value.startsWith('[') || value.startsWith('{')) && !balancedFlow(value)) return undefined;
      if ((value.startsWith('"') || value.startsWith("'")) && !closedQuote(value)) return undefined;
      pendingKeyValue = value === '' || value.startsWith('#');
      current = { start: segments.length ? pos : 0, end: next, key };
      segments.push(current);
    } else {
      if (!current) return undefined;
      if (listIndent !== undefined && indent < listIndent) return undefined;
      current.end = next; // the block value of a key, or the body of an item
    }
    pos = next;
  }
  if (!segments.length) return undefined;
  segments[segments.length - 1].end = n;
  return { segments, listKeys };
}

function balancedFlow(value: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return /^\s*(#.*)?$/.test(value.slice(i + 1));
    } else if (c === '#' && depth === 0) break;
  }
  return false;
}

function closedQuote(value: string): boolean {
  const q = value[0];
  if (q === '"') return /^"(?:[^"\\]|\\.)*"\s*(#.*)?$/.test(value);
  return /^'(?:[^']|'')*'\s*(#.*)?$/.test(value);
}
