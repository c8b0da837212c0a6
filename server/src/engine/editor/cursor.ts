/**
 * Where the cursor is in a YAML text that may be incomplete or broken:
 * the JSON path of the mapping or sequence it is in, whether it stands at a
 * key, a value or a new list item, and the word being typed.
 *
 * Read from the text alone (indentation, `- ` markers, `key:` prefixes and
 * an unclosed `[` / `{` on the statement), so it works while typing, when
 * the document does not parse. Heuristic by nature: block scalars are
 * skipped; multi-line flow collections are followed a few lines back.
 */
import type { JsonPath } from '../parse/parsed-file';
import { lastStartAtOrBefore } from '../text/last-start';

export interface LineEntry {
  col: number;
  kind: 'dash' | 'key';
  key?: string;
}

export interface LineInfo {
  start: number;
  end: number;
  text: string;
  /** Column of the first non-blank character; -1 for a blank or comment-only line. */
  indent: number;
  entries: LineEntry[];
  /** The line is the content of a block scalar (`|`, `>`). */
  scalar: boolean;
}

/** `key:` at `s[i]`, plain or quoted: the key and the index just after the colon, or undefined. */
export function keyAt(s: string, i: number): { key: string; after: number } | undefined {
  const c = s[i];
  if (c === undefined) return undefined;
  if (c === '"' || c === "'") {
    let j = i + 1;
    let key = '';
    for (; j < s.length; j++) {
      if (s[j] === c) {
        if (c === "'" && s[j + 1] === "'") {
          key += "'";
          j++;
          continue;
        }
        break;
      }
      if (c === '"' && s[j] === '\\') {
        key += s[++j] ?? '';
        continue;
      }
      key += s[j];
    }
    if (j >= s.length) return undefined;
    let k = j + 1;
    while (s[k] === ' ' || s[k] === '\t') k++;
    if (s[k] !== ':' || !(k + 1 >= s.length || /\s/.test(s[k + 1]))) return undefined;
    return { key, after: k + 1 };
  }
  if (/[\s#'"\[\]{},&*!|>%@`]/.test(c) || (c === '-' && (s[i + 1] === ' ' || i + 1 >= s.length))) return undefined;
  for (let j = i; j < s.length; j++) {
    const ch = s[j];
    if (ch === '#' && /\s/.test(s[j - 1] ?? '')) return undefined;
    if (ch === ':' && (j + 1 >= s.length || /\s/.test(s[j + 1]))) {
      const key = s.slice(i, j).trimEnd();
      return key ? { key, after: j + 1 } : undefined;
    }
  }
  return undefined;
}

/** Dashes and the key that start a line (the block structure it opens). */
function lineEntries(text: string, indent: number): { entries: LineEntry[]; rest: number; opensScalar: boolean } {
  const entries: LineEntry[] = [];
  let i = indent;
  while (text[i] === '-' && (i + 1 >= text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    entries.push({ col: i, kind: 'dash' });
    i++;
    while (text[i] === ' ') i++;
  }
  let opensScalar = false;
  const k = i < text.length ? keyAt(text, i) : undefined;
  if (k) {
    entries.push({ col: i, kind: 'key', key: k.key });
    const v = text.slice(k.after).trim();
    opensScalar = /^[|>][0-9+-]*\s*(#.*)?$/.test(v);
    i = k.after;
  } else if (/^[|>][0-9+-]*\s*(#.*)?$/.test(text.slice(i).trim()) && entries.length) {
    opensScalar = true;
  }
  return { entries, rest: i, opensScalar };
}

/** Every line of the text with its block structure; block scalar content marked. */
export function scanLines(text: string): LineInfo[] {
  const out: LineInfo[] = [];
  let start = 0;
  let scalarAbove: number | undefined; // lines indented more than this are block scalar content
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = /^[ \t]*/.exec(lineText)![0].length;
    const blank = m === lineText.length || lineText[m] === '#';
    const info: LineInfo = { start, end: start + lineText.length, text: lineText, indent: blank ? -1 : m, entries: [], scalar: false };
    if (scalarAbove !== undefined && (blank || m > scalarAbove)) {
      info.scalar = true;
      info.indent = -1;
    } else {
      scalarAbove = undefined;
      if (!blank) {
        const e = lineEntries(lineText, m);
        info.entries = e.entries;
        if (e.opensScalar) scalarAbove = e.entries.length ? e.entries[e.entries.length - 1].col : m;
      }
    }
    out.push(info);
    if (end >= text.length) break;
    start = end + 1;
  }
  return out;
}


/**
 * The path of the block mapping whose keys start at column `col`, for a node
 * on line `line` (its own line's dashes left of `col` count), and the keys
 * that mapping already has (found by indentation, above and below).
 */
export function blockPath(lines: LineInfo[], line: number, col: number, ownEntries: LineEntry[]): { path: JsonPath; siblings: string[] } {
  // Segments from the innermost outwards; an index segment counts the items above ours.
  const segs: (string | { n: number })[] = [];
  const siblings: string[] = [];
  let limit = col;
  let allowEqualKey = false;
  let seqCol: number | undefined;
  let index: { n: number } | undefined;
  let collecting = true;
  const visit = (e: LineEntry) => {
    if (e.kind === 'dash') {
      if (e.col < limit) {
        index = { n: 0 };
        segs.push(index);
        collecting = false;
        seqCol = e.col;
        limit = e.col;
        allowEqualKey = true;
      } else if (e.col === limit && seqCol === e.col && index) index.n++;
      return;
    }
    if (collecting && e.col === col && e.key !== undefined) siblings.push(e.key);
    if (e.col < limit || (allowEqualKey && e.col === limit)) {
      segs.push(e.key ?? '');
      collecting = false;
      index = undefined;
      seqCol = undefined;
      limit = e.col;
      allowEqualKey = false;
    }
  };
  for (let k = ownEntries.length - 1; k >= 0; k--) visit(ownEntries[k]);
  for (let l = line - 1; l >= 0; l--) {
    if (limit === 0 && !allowEqualKey) break;
    const info = lines[l];
    if (info.indent < 0 || info.scalar) continue;
    for (let k = info.entries.length - 1; k >= 0; k--) visit(info.entries[k]);
  }
  const path: JsonPath = segs.reverse().map((s) => (typeof s === 'string' ? s : s.n));
  // Keys below, in the same mapping.
  for (let l = line + 1; l < lines.length; l++) {
    const info = lines[l];
    if (info.indent < 0 || info.scalar) continue;
    const first = info.entries[0];
    if (!first) {
      if (info.indent < col) break;
      continue;
    }
    if (first.col < col) break;
    if (first.col === col && first.kind === 'key' && first.key !== undefined) siblings.push(first.key);
  }
  return { path, siblings };
}

interface FlowFrame {
  kind: 'seq' | 'map';
  /** Index of the current item (seq) or entry (map). */
  index: number;
  /** Start offset of the current item or entry. */
  itemStart: number;
  /** map: the key of the current entry, once its colon was seen. */
  key?: string;
  valueStart?: number;
}

/** Tokenizes flow collections from `from` to `to`: the frames still open at `to`, or undefined if a quote or comment is open there. */
function flowFrames(text: string, from: number, to: number): { frames: FlowFrame[]; inQuote: boolean; inComment: boolean } {
  const frames: FlowFrame[] = [];
  let quote: string | undefined;
  let inComment = false;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (inComment) {
      if (c === '\n') inComment = false;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    const top = frames[frames.length - 1];
    if (c === '#' && (i === from || /\s/.test(text[i - 1]))) {
      inComment = true;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s,\[{:]/.test(text[i - 1]))) {
      quote = c;
      continue;
    }
    if (c === '[') frames.push({ kind: 'seq', index: 0, itemStart: i + 1 });
    else if (c === '{') frames.push({ kind: 'map', index: 0, itemStart: i + 1 });
    else if ((c === ']' || c === '}') && top) frames.pop();
    else if (c === ',' && top) {
      top.index++;
      top.itemStart = i + 1;
      top.key = undefined;
      top.valueStart = undefined;
    } else if (c === ':' && top?.kind === 'map' && top.key === undefined && (i + 1 >= text.length || /[\s,\]}]/.test(text[i + 1]))) {
      const raw = text.slice(top.itemStart, i).trim();
      top.key = raw.replace(/^["']|["']$/g, '');
      top.valueStart = i + 1;
    }
  }
  return { frames, inQuote: quote !== undefined, inComment };
}

export type CursorPosition = 'key' | 'value' | 'item';

export interface CursorContext {
  /**
   * key: the cursor is at a key of the mapping at `path`;
   * value: at the value of the key that ends `path`;
   * item: at a new item of the sequence at `path` (after `- ` or in `[…]`).
   */
  position: CursorPosition;
  path: JsonPath;
  /** The word being typed, to replace: from its start to the end of the token at the cursor. */
  replace: { start: number; end: number };
  partial: string;
  /** Keys the mapping already has (key position). */
  siblings: string[];
  /** Column where the mapping's keys (or the new item's content) start. */
  column: number;
  /** The cursor is inside a flow collection (`[…]`, `{…}`). */
  flow: boolean;
  /** The line holds only `- ` (and the partial): a new list item. */
  newItem: boolean;
  /** Inside a comment or a block scalar: no completion. */
  inert?: boolean;
}

function tokenEnd(text: string, offset: number, flow: boolean): number {
  if (flow) {
    let e = offset;
    while (e < text.length && !/[\s,\]}#]/.test(text[e])) e++;
    return e;
  }
  // A block value runs to the end of the line, before a comment.
  let k = offset;
  while (k < text.length && text[k] !== '\n' && text[k] !== '\r' && !(text[k] === '#' && /\s/.test(text[k - 1] ?? ''))) k++;
  return offset + text.slice(offset, k).trimEnd().length;
}

/** The cursor context at `offset` of `text`. */
export function cursorContext(text: string, offset: number, lines: LineInfo[] = scanLines(text)): CursorContext {
  const lineNo = lastStartAtOrBefore(lines, offset);
  const line = lines[lineNo];
  const col = offset - line.start;
  const prefix = line.text.slice(0, col);
  const inert = (): CursorContext => ({ position: 'key', path: [], replace: { start: offset, end: offset }, partial: '', siblings: [], column: col, flow: false, newItem: false, inert: true });
  if (line.scalar && line.text.slice(0, col).trim() !== '') return inert();

  // Flow context: find the statement start (a line that opens block structure) and tokenize from there.
  for (let l = lineNo; l >= 0 && l >= lineNo - 30; l--) {
    const info = lines[l];
    if (info.indent < 0 || info.scalar) continue;
    const startsBlock = info.entries.length > 0;
    if (!startsBlock && l !== lineNo && info.indent <= (line.indent < 0 ? col : line.indent)) break;
    if (!startsBlock && l === lineNo) continue;
    const ents = l === lineNo ? lineEntries(prefix, line.indent < 0 ? prefix.length - prefix.trimStart().length : line.indent) : lineEntries(info.text, info.indent);
    const entries = ents.entries;
    if (l === lineNo && entries.length === 0) break;
    const lastKey = entries[entries.length - 1]?.kind === 'key' ? entries[entries.length - 1] : undefined;
    const valueFrom = info.start + ents.rest;
    const scan = flowFrames(text, valueFrom, offset);
    if (scan.inComment) return inert();
    if (scan.frames.length === 0) break;
    // Inside a flow collection.
    const ownEntries = lastKey ? entries.slice(0, -1) : entries;
    const contentCol = lastKey ? lastKey.col : (entries[entries.length - 1]?.col ?? info.indent) + 2;
    const base = blockPath(lines, l, contentCol, ownEntries);
    const path: JsonPath = [...base.path];
    if (lastKey?.key !== undefined) path.push(lastKey.key);
    const frames = scan.frames;
    for (let i = 0; i < frames.length - 1; i++) {
      const f = frames[i];
      if (f.kind === 'seq') path.push(f.index);
      else if (f.key !== undefined) path.push(f.key);
    }
    const top = frames[frames.length - 1];
    const from = top.kind === 'map' && top.key !== undefined ? top.valueStart! : top.itemStart;
    const raw = text.slice(from, offset);
    const lead = raw.length - raw.trimStart().length;
    const start = from + lead;
    const partial = raw.trimStart();
    const end = tokenEnd(text, offset, true);
    if (top.kind === 'seq') return { position: 'item', path: [...path], replace: { start, end }, partial, siblings: [], column: contentCol, flow: true, newItem: true, };
    if (top.key !== undefined) return { position: 'value', path: [...path, top.key], replace: { start, end }, partial, siblings: [], column: contentCol, flow: true, newItem: false };
    // A key of a flow mapping: siblings are the keys already written in it.
    const siblings: string[] = [];
    const open = text.lastIndexOf('{', top.itemStart - 1);
    const close = text.indexOf('}', offset);
    const body = text.slice(open + 1, close < 0 ? text.length : close);
    for (const m of body.matchAll(/(?:^|,)\s*["']?([\w-]+)["']?\s*:/g)) siblings.push(m[1]);
    return { position: 'key', path, replace: { start, end }, partial, siblings, column: contentCol, flow: true, newItem: false };
  }

  // Block context.
  const indent = prefix.length - prefix.trimStart().length;
  const own = lineEntries(prefix, indent);
  const entries = own.entries;
  const dashes = entries.filter((e) => e.kind === 'dash');
  const key = entries.find((e) => e.kind === 'key');
  if (key) {
    // `key: partial` — the value of key.
    const base = blockPath(lines, lineNo, key.col, dashes);
    const after = prefix.slice(own.rest);
    const lead = after.length - after.trimStart().length;
    const start = line.start + own.rest + lead;
    const partial = after.trimStart();
    if (/(^|\s)#/.test(after)) return inert();
    return {
      position: 'value',
      path: [...base.path, key.key!],
      replace: { start, end: tokenEnd(text, offset, false) },
      partial,
      siblings: base.siblings,
      column: key.col,
      flow: false,
      newItem: false,
    };
  }
  const contentStart = dashes.length ? own.rest : indent;
  const partialText = prefix.slice(contentStart);
  if (/(^|\s)#/.test(partialText) || partialText.startsWith('#')) return inert();
  const contentCol = contentStart;
  const base = blockPath(lines, lineNo, contentCol, dashes);
  const start = line.start + contentStart;
  // The rest of the token after the cursor (editing a key in the middle).
  let end = offset;
  while (end < line.end && !/[\s:#]/.test(text[end])) end++;
  const newItem = dashes.length > 0;
  return {
    position: 'key',
    path: base.path,
    replace: { start, end },
    partial: partialText,
    siblings: base.siblings.filter((k) => k !== partialText),
    column: contentCol,
    flow: false,
    newItem,
  };
}
