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
import { lastStartAtOrBefore } from '../text/last-start';

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
  // A collection as a key (`{[a]: 1}`): the segment's parse would drop its entry, the whole file's keeps it.
  [[']', '}'], /[\]}][ \t]*:/],
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
 * file's), so only the window around the edit is screened. `previous`: the
 * segments of the text before `change` (a segmented file's): only the lines
 * around the change are scanned again, and the rest of the segments are the
 * previous ones, moved. Either way the result is that of a whole scan; both
 * keep a keystroke in a large file from costing a pass over all of it.
 */
export function segment(text: string, edit?: LineChange, previous?: { segmentation: Segmentation; change: LineChange }): Segmentation | undefined {
  if (edit) {
    const [a, b] = screenWindow(text, edit);
    if (unsafe(text.slice(a, b))) return undefined;
  } else if (unsafe(text)) return undefined;
  if (previous) {
    const { segmentation, change } = previous;
    const [pos, state, next] = restart(text, segmentation.segments, change);
    return scan(text, pos, state, { from: change.to + change.delta, delta: change.delta, old: segmentation.segments, next });
  }
  return scan(text, 0, fresh());
}

/** Where a scan stands at the start of a line. */
interface ScanState {
  segments: Segment[];
  seenKeys: Set<string>;
  current: Segment | undefined;
  listIndent: number | undefined; // indentation of the current key's sequence items
  pendingKeyValue: boolean; // the current key has no inline value yet: its block value decides
  index: number;
}

function fresh(): ScanState {
  return { segments: [], seenKeys: new Set(), current: undefined, listIndent: undefined, pendingKeyValue: false, index: 0 };
}

/**
 * Where to scan again after `change`: at the start of the segment before the
 * one the change begins in, a line the change did not touch, in the state a
 * whole scan was in there. (That segment, not the changed one: a changed first
 * line that became blank or indented joins the segment before it.) Also that
 * segment's number: no old segment before it needs looking at again.
 */
function restart(text: string, old: Segment[], change: LineChange): [number, ScanState, number] {
  const r = lastStartAtOrBefore(old, change.from);
  if (r < 2) return [0, fresh(), 0];
  const s = old[r - 1];
  const seenKeys = new Set<string>();
  for (let i = 0; i < r - 1; i++) if (old[i].index === undefined) seenKeys.add(old[i].key);
  let first = s.start;
  while (text.charCodeAt(first) === SPACE) first++;
  // An item's line says the list's indentation; a key's line sets the state itself. The segment
  // before is complete: the line at `s.start` is a key or an item, never blank, so nothing joins it.
  const state: ScanState = { segments: old.slice(0, r - 1), seenKeys, current: old[r - 2], listIndent: s.index === undefined ? undefined : first - s.start, pendingKeyValue: false, index: s.index ?? 0 };
  return [s.start, state, r - 1];
}

/** After the changed lines: the previous version's segments, to take up when the scan is back in step with them. */
interface Resync {
  /** Segments starting here or later start on lines the change did not touch (in the new text). */
  from: number;
  delta: number;
  old: Segment[];
  /** The first old segment not yet passed. */
  next: number;
}

function scan(text: string, pos: number, st: ScanState, resync?: Resync): Segmentation | undefined {
  const { segments, seenKeys } = st;
  let { current, listIndent, pendingKeyValue, index } = st;
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
      pos = next;
      continue;
    }
    if (resync && pos >= resync.from && !pendingKeyValue) {
      // A new segment on a line the change did not touch: if the previous version had the same
      // segment there, the scan from here on would repeat the previous one, moved.
      const { old, delta } = resync;
      while (resync.next < old.length && old[resync.next].start < pos - delta) resync.next++;
      const o = old[resync.next];
      if (o && o.start === pos - delta && o.key === current.key && (o.index === undefined) === (current.index === undefined)) {
        return takeUp(segments, seenKeys, current, resync, text.length);
      }
    }
    pos = next;
  }
  if (!segments.length) return undefined;
  segments[segments.length - 1].end = n;
  return { segments, listKeys: listKeysOf(segments) };
}

/**
 * The previous version's segments from `resync.next` on, moved by the change:
 * the one just scanned (`current`) takes its end, items of its list their
 * numbers from it. Undefined if a key is now defined twice.
 */
function takeUp(segments: Segment[], seenKeys: Set<string>, current: Segment, resync: Resync, n: number): Segmentation | undefined {
  const { old, delta } = resync;
  const o = old[resync.next];
  current.end = o.end + delta;
  const shift = current.index === undefined ? 0 : current.index - o.index!;
  let inList = current.index !== undefined;
  for (let k = resync.next + 1; k < old.length; k++) {
    const s = old[k];
    if (s.index === undefined) {
      inList = false;
      if (seenKeys.has(s.key)) return undefined;
      seenKeys.add(s.key);
      segments.push({ start: s.start + delta, end: s.end + delta, key: s.key });
    } else {
      segments.push({ start: s.start + delta, end: s.end + delta, key: s.key, index: inList ? s.index + shift : s.index });
    }
  }
  segments[segments.length - 1].end = n;
  return { segments, listKeys: listKeysOf(segments) };
}

/** The keys whose value is a block sequence split into items: those with an item 0. */
function listKeysOf(segments: Segment[]): Set<string> {
  const keys = new Set<string>();
  for (const s of segments) if (s.index === 0) keys.add(s.key);
  return keys;
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
