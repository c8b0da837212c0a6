/**
 * Edits a planner makes to a plan file, as an editor sends them (LSP
 * `contentChanges`, each range in the text the previous change left): whole
 * list items inserted, replaced by two, pasted, moved, deleted; every item of
 * a list or a whole top-level key deleted; the whole text replaced; an ID
 * renamed with several cursors; an item typed a keystroke at a time. Each
 * version knows its inverse (undo). Items and keys are found here from the
 * text's lines, not by the engine under test.
 */
import type { ContentChange } from '../../server/src/engine/parse/edit';
import { LineIndex } from '../../server/src/engine/text/line-index';

/** One version of a document: what the editor sends in one didChange, and its undo. */
export interface Version {
  what: string;
  changes: ContentChange[];
  inverse: ContentChange[];
}

/** A replacement in offsets of the text it applies to. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

export interface ItemSpan {
  start: number;
  /** The start of the next item, key or the text's end. */
  end: number;
  /** The end without the blank and comment lines after its last line. */
  bodyEnd: number;
  id?: string;
}

export interface KeySpan {
  key: string;
  start: number;
  end: number;
  bodyEnd: number;
  /** A block list as its value: its items' indentation and the items. */
  list?: { indent: number; items: ItemSpan[] };
}

const ID = /(?:^|[\s{,])id:[ ]*([^\s,}\]#'"]+)/;

/** The top-level keys of a text and the items of their block lists, from its lines (broken text too). */
export function outline(text: string): KeySpan[] {
  const keys: KeySpan[] = [];
  let cur: KeySpan | undefined;
  let item: ItemSpan | undefined;
  let pendingList = false;
  for (let pos = 0; pos < text.length; ) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? text.length : nl + 1;
    let lineEnd = nl < 0 ? text.length : nl;
    if (text[lineEnd - 1] === '\r') lineEnd--;
    const line = text.slice(pos, lineEnd);
    const indent = /^ */.exec(line)![0].length;
    const body = line.slice(indent);
    if (body === '' || body.startsWith('#')) {
      pos = next;
      continue;
    }
    const dash = /^-( |$)/.test(body);
    if (indent === 0 && !(dash && (pendingList || cur?.list?.indent === 0))) {
      if (cur) cur.end = pos;
      if (item) item.end = pos;
      item = undefined;
      const m = /^("[^"\n]*"|'[^'\n]*'|[^\s#:'"][^:#]*?)[ ]*:(?:[ ]+(.*))?$/.exec(line);
      cur = { key: m ? m[1].replace(/^["']|["']$/g, '') : line, start: pos, end: text.length, bodyEnd: next };
      keys.push(cur);
      pendingList = !!m && (!m[2] || m[2].trimStart().startsWith('#'));
      pos = next;
      continue;
    }
    if (cur && pendingList) {
      pendingList = false;
      if (dash) cur.list = { indent, items: [] };
    }
    if (cur?.list && indent === cur.list.indent && dash) {
      if (item) item.end = pos;
      item = { start: pos, end: text.length, bodyEnd: next };
      cur.list.items.push(item);
    }
    if (item) item.bodyEnd = next;
    if (cur) cur.bodyEnd = next;
    pos = next;
  }
  for (const k of keys) for (const it of k.list?.items ?? []) it.id = ID.exec(text.slice(it.start, it.bodyEnd))?.[1];
  return keys;
}

/** An item's lines without the list's indentation, line breaks made LF. */
export function deindent(text: string, indent: number): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => (l.startsWith(' '.repeat(indent)) ? l.slice(indent) : l.trimStart()))
    .join('\n');
}

/** An item (from deindent) at a list's indentation, with the document's line breaks; ends with a line break. */
export function reindent(item: string, indent: number, eol: string): string {
  const lines = item.replace(/\n+$/, '').split('\n');
  return lines.map((l) => (l ? ' '.repeat(indent) + l : l)).join(eol) + eol;
}

/** The item with its ID replaced (the first `id:`), or as it is when it has none. */
export function withId(item: string, id: string): string {
  return item.replace(ID, (m, old: string) => m.slice(0, m.length - old.length) + id);
}

export function idOf(item: string): string | undefined {
  return ID.exec(item)?.[1];
}

/** The text's line break: CRLF when its first line break is one. */
export function eolOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Versions of one document being built: each version's changes are given in
 * offsets of the text the change before left (as LSP orders them), made into
 * ranges of that text with a LineIndex, and their inverse kept for undo.
 */
export class Editor {
  readonly versions: Version[] = [];

  constructor(public text: string) {}

  /** One didChange: the splices applied in order, each in offsets of the text the one before left. */
  version(what: string, splices: Splice[]): this {
    const changes: ContentChange[] = [];
    const inverse: ContentChange[] = [];
    for (const s of splices) {
      const lines = new LineIndex(this.text);
      changes.push({ range: { start: lines.positionAt(s.start), end: lines.positionAt(s.end) }, text: s.text });
      const removed = this.text.slice(s.start, s.end);
      this.text = this.text.slice(0, s.start) + s.text + this.text.slice(s.end);
      const after = new LineIndex(this.text);
      inverse.unshift({ range: { start: after.positionAt(s.start), end: after.positionAt(s.start + s.text.length) }, text: removed });
    }
    this.versions.push({ what, changes, inverse });
    return this;
  }

  /** One didChange that replaces the whole text (no range). */
  whole(what: string, text: string): this {
    this.versions.push({ what, changes: [{ text }], inverse: [{ text: this.text }] });
    this.text = text;
    return this;
  }

  /**
   * Several cursors: non-overlapping splices in offsets of the current text,
   * sent bottom-up (each range valid in the text as it was, as VS Code sends
   * them) or top-down (each range moved by the changes above it).
   */
  multi(what: string, splices: Splice[], order: 'bottom-up' | 'top-down'): this {
    const sorted = [...splices].sort((a, b) => a.start - b.start);
    if (order === 'bottom-up') return this.version(`${what} (bottom-up)`, sorted.reverse());
    let shift = 0;
    const moved = sorted.map((s) => {
      const m = { start: s.start + shift, end: s.end + shift, text: s.text };
      shift += s.text.length - (s.end - s.start);
      return m;
    });
    return this.version(`${what} (top-down)`, moved);
  }
}

/** Items to insert, by list key (tasks, indicators, …), without indentation and with LF line breaks. */
export class ItemPool {
  private readonly byKey = new Map<string, string[]>();
  private readonly all: string[] = [];

  constructor(texts: readonly string[]) {
    for (const t of texts) {
      for (const k of outline(t)) {
        if (!k.list) continue;
        for (const it of k.list.items) {
          const item = deindent(t.slice(it.start, it.bodyEnd), k.list.indent);
          if (!this.byKey.has(k.key)) this.byKey.set(k.key, []);
          this.byKey.get(k.key)!.push(item);
          this.all.push(item);
        }
      }
    }
  }

  /** An item for list `key` (now and then one of another list, as a pasting mistake); its first `maxLines` lines when given. */
  pick(key: string, r: () => number, maxLines = Infinity): string {
    const own = this.byKey.get(key);
    const from = own && r() < 0.9 ? own : this.all;
    const item = from[Math.floor(r() * from.length)];
    return maxLines === Infinity ? item : item.split('\n').slice(0, maxLines).join('\n') + '\n';
  }
}

/** What the edits draw on: the pool of items and a counter for new IDs. */
export interface EditContext {
  pool: ItemPool;
  fresh: () => number;
}

type Op = (ed: Editor, r: () => number, cx: EditContext) => boolean;

const pickOf = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

function lists(text: string): KeySpan[] {
  return outline(text).filter((k) => k.list && k.list.items.length > 0);
}

/** An item of list `k` for the document: from the pool, at the list's indentation, with a new ID (now and then the same ID: a duplicate). */
function newItem(ed: Editor, k: KeySpan, r: () => number, cx: EditContext, maxLines?: number): string {
  let item = cx.pool.pick(k.key, r, maxLines);
  const id = idOf(item);
  if (id && r() < 0.85) item = withId(item, `${id}-N${cx.fresh()}`);
  return reindent(item, k.list!.indent, eolOf(ed.text));
}

/** Where an item can go in list `k`: before item `i`, or after the last (its end, or the end of its last line). */
function placeIn(ed: Editor, k: KeySpan, r: () => number): { at: number; prefix: string; where: string } {
  const items = k.list!.items;
  const i = Math.floor(r() * (items.length + 1));
  if (i < items.length) return { at: items[i].start, prefix: '', where: i === 0 ? 'start' : 'middle' };
  const last = items[items.length - 1];
  const at = r() < 0.5 ? last.bodyEnd : last.end;
  // A text that does not end with a line break gets one before the item.
  const prefix = at === ed.text.length && at > 0 && !ed.text.endsWith('\n') ? eolOf(ed.text) : '';
  return { at, prefix, where: 'end' };
}

/** An item's span: its own lines, or with the blank and comment lines after it. */
function spanOf(it: ItemSpan, r: () => number): [number, number] {
  return [it.start, r() < 0.6 ? it.bodyEnd : it.end];
}

export const OPS: Record<string, Op> = {
  insert(ed, r, cx) {
    const k = pickOf(r, lists(ed.text));
    if (!k) return false;
    const p = placeIn(ed, k, r);
    ed.version(`insert an item in ${k.key} (${p.where})`, [{ start: p.at, end: p.at, text: p.prefix + newItem(ed, k, r, cx) }]);
    return true;
  },
  replaceWithTwo(ed, r, cx) {
    const k = pickOf(r, lists(ed.text));
    if (!k) return false;
    const i = Math.floor(r() * k.list!.items.length);
    const it = k.list!.items[i];
    ed.version(`replace item ${i} of ${k.key} with two`, [{ start: it.start, end: it.bodyEnd, text: newItem(ed, k, r, cx) + newItem(ed, k, r, cx) }]);
    return true;
  },
  paste(ed, r, cx) {
    const k = pickOf(r, lists(ed.text));
    if (!k) return false;
    const p = placeIn(ed, k, r);
    let text = p.prefix;
    const n = 2 + Math.floor(r() * 4);
    for (let j = 0; j < n; j++) text += newItem(ed, k, r, cx);
    ed.version(`paste ${n} items in ${k.key} (${p.where})`, [{ start: p.at, end: p.at, text }]);
    return true;
  },
  move(ed, r) {
    const k = pickOf(r, lists(ed.text).filter((x) => x.list!.items.length >= 2));
    if (!k) return false;
    const items = k.list!.items;
    const i = Math.floor(r() * (items.length - 1));
    // Item i and i+1 change places: item i+1 cut and pasted before item i (up), or item i cut and pasted after item i+1 (down).
    const a = items[i];
    const b = items[i + 1];
    const up = r() < 0.5;
    const cut = up ? b : a;
    let cutText = ed.text.slice(cut.start, cut.end);
    const eol = eolOf(ed.text);
    if (!cutText.endsWith('\n')) cutText += eol;
    // After the cut, where the paste goes: before a (up), or where b ended (down).
    const cutLen = cut.end - cut.start;
    const pasteAt = up ? a.start : b.end - cutLen;
    // The later item ends the text without a line break: one change over both items.
    const atEnd = b.end === ed.text.length && !ed.text.endsWith('\n');
    const what = `move item ${up ? i + 1 : i} of ${k.key} ${up ? 'up' : 'down'}`;
    const style = Math.floor(r() * 3);
    if (atEnd) {
      ed.version(`${what} (one change)`, [{ start: a.start, end: b.end, text: ed.text.slice(b.start, b.end) + eol + ed.text.slice(a.start, a.end).replace(/\r?\n$/, '') }]);
    } else if (style === 0) {
      ed.version(`${what} (cut, paste in one didChange)`, [
        { start: cut.start, end: cut.end, text: '' },
        { start: pasteAt, end: pasteAt, text: cutText },
      ]);
    } else if (style === 1) {
      // Paste first, then cut: the cut's range is where the text is after the paste.
      const at = up ? a.start : b.end;
      const shift = at <= cut.start ? cutText.length : 0;
      ed.version(`${what} (paste, cut in one didChange)`, [
        { start: at, end: at, text: cutText },
        { start: cut.start + shift, end: cut.end + shift, text: '' },
      ]);
    } else {
      ed.version(`${what}: cut`, [{ start: cut.start, end: cut.end, text: '' }]);
      ed.version(`${what}: paste`, [{ start: pasteAt, end: pasteAt, text: cutText }]);
    }
    return true;
  },
  deleteItem(ed, r) {
    const k = pickOf(r, lists(ed.text));
    if (!k) return false;
    const i = Math.floor(r() * k.list!.items.length);
    const [start, end] = spanOf(k.list!.items[i], r);
    ed.version(`delete item ${i} of ${k.key}`, [{ start, end, text: '' }]);
    return true;
  },
  deleteSeveral(ed, r) {
    const k = pickOf(r, lists(ed.text).filter((x) => x.list!.items.length >= 2));
    if (!k) return false;
    const items = k.list!.items;
    if (r() < 0.5) {
      const i = Math.floor(r() * (items.length - 1));
      const j = i + 1 + Math.floor(r() * Math.min(3, items.length - i - 1));
      ed.version(`delete items ${i}–${j} of ${k.key}`, [{ start: items[i].start, end: r() < 0.5 ? items[j].bodyEnd : items[j].end, text: '' }]);
    } else {
      // Several selections, one item each.
      const chosen = items.filter(() => r() < 0.4);
      if (chosen.length < 2) chosen.splice(0, chosen.length, items[0], items[items.length - 1]);
      ed.multi(`delete ${chosen.length} items of ${k.key} with several selections`, chosen.map((it) => ({ start: it.start, end: it.end, text: '' })), r() < 0.5 ? 'bottom-up' : 'top-down');
    }
    return true;
  },
  deleteAll(ed, r) {
    const k = pickOf(r, lists(ed.text));
    if (!k) return false;
    const items = k.list!.items;
    const start = items[0].start;
    const end = r() < 0.5 ? items[items.length - 1].bodyEnd : items[items.length - 1].end;
    if (r() < 0.5) ed.version(`delete every item of ${k.key}`, [{ start, end, text: '' }]);
    else {
      // `tasks: []` in place of the list: the items deleted, then the key's line (above them) changed.
      const nl = ed.text.indexOf('\n', k.start);
      let lineEnd = nl < 0 ? ed.text.length : nl;
      if (ed.text[lineEnd - 1] === '\r') lineEnd--;
      const colon = k.start + ed.text.slice(k.start, lineEnd).search(/:( |$)/);
      ed.version(`${k.key}: [] in place of its items`, [{ start, end, text: '' }, { start: colon + 1, end: lineEnd, text: ' []' }]);
    }
    return true;
  },
  deleteKey(ed, r) {
    const keys = outline(ed.text);
    if (keys.length < 2) return false;
    const k = pickOf(r, keys);
    ed.version(`delete the key ${k.key}`, [{ start: k.start, end: r() < 0.5 ? k.bodyEnd : k.end, text: '' }]);
    return true;
  },
  replaceWhole(ed, r, cx) {
    const k = pickOf(r, lists(ed.text));
    if (!k || r() < 0.2) {
      ed.whole('the whole text again (no range)', ed.text);
      return true;
    }
    const it = pickOf(r, k.list!.items);
    const text = ed.text.slice(0, it.start) + newItem(ed, k, r, cx) + ed.text.slice(it.bodyEnd);
    ed.whole(`the whole text, an item of ${k.key} replaced (no range)`, text);
    return true;
  },
  rename(ed, r, cx) {
    const occurrences = new Map<string, number[]>();
    for (const m of ed.text.matchAll(/[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+/g)) {
      if (!occurrences.has(m[0])) occurrences.set(m[0], []);
      occurrences.get(m[0])!.push(m.index!);
    }
    const ids = [...occurrences.keys()].filter((id) => occurrences.get(id)!.length >= 2);
    const id = ids.length ? pickOf(r, ids) : pickOf(r, [...occurrences.keys()]);
    if (!id) return false;
    const at = occurrences.get(id)!.slice(0, 3);
    const shape = Math.floor(r() * 3);
    const to = shape === 0 ? `${id}-R${cx.fresh()}` : shape === 1 ? id.slice(0, -1) : id.slice(0, -1) + (id.endsWith('Z') ? 'Y' : 'Z');
    ed.multi(`rename ${id} → ${to} at ${at.length} places at once`, at.map((o) => ({ start: o, end: o + id.length, text: to })), r() < 0.5 ? 'bottom-up' : 'top-down');
    return true;
  },
  addField(ed, r) {
    const k = pickOf(r, lists(ed.text));
    if (!k) return false;
    const eol = eolOf(ed.text);
    const chosen = k.list!.items.filter(() => r() < 0.5).slice(0, 3);
    if (!chosen.length) chosen.push(k.list!.items[0]);
    const line = ' '.repeat(k.list!.indent + 2) + pickOf(r, ['x-note: 待核实', 'dependsOn: [T-MISSING]', 'due: 2031', 'owner: 市发展改革委']) + eol;
    // After each item's first line, or after its last (where the next item's line starts, when nothing is between): a line added to each item at once.
    const last = r() < 0.5;
    const splices = chosen.map((it) => {
      const nl = ed.text.indexOf('\n', it.start);
      const at = last || nl < 0 || nl + 1 > it.bodyEnd ? it.bodyEnd : nl + 1;
      return { start: at, end: at, text: at === ed.text.length && !ed.text.endsWith('\n') ? eol + line : line };
    });
    ed.multi(`add a line ${last ? 'at the end of' : 'to'} ${chosen.length} items of ${k.key}`, splices, r() < 0.5 ? 'bottom-up' : 'top-down');
    return true;
  },
  type(ed, r, cx) {
    const k = pickOf(r, lists(ed.text));
    if (!k) return false;
    const item = newItem(ed, k, r, cx, 3);
    const eol = eolOf(ed.text);
    const items = k.list!.items;
    const i = Math.floor(r() * (items.length + 1));
    let cursor: number;
    let keys: string[];
    if (i < items.length && r() < 0.5) {
      // At the start of item i's line, the item's text typed before it.
      cursor = items[i].start;
      keys = [...item.replace(/\r\n/g, '\n')].map((c) => (c === '\n' ? eol : c));
    } else {
      // At the end of the last line of the item before (Enter, then the item; the editor indents each new line).
      const before = items[Math.max(0, i - 1)];
      cursor = before.bodyEnd;
      while (cursor > 0 && (ed.text[cursor - 1] === '\n' || ed.text[cursor - 1] === '\r')) cursor--;
      const lines = item.replace(/\r?\n$/, '').split(/\r?\n/);
      keys = [];
      lines.forEach((l) => {
        const indent = /^ */.exec(l)![0];
        keys.push(eol + indent);
        keys.push(...l.slice(indent.length));
      });
    }
    const what = `type an item in ${k.key} at ${cursor}`;
    let n = 0;
    for (const key of keys) {
      ed.version(`${what}: keystroke ${n++}`, [{ start: cursor, end: cursor, text: key }]);
      cursor += key.length;
      if (r() < 0.05) {
        // A typo, and backspace.
        ed.version(`${what}: typo`, [{ start: cursor, end: cursor, text: 'x' }]);
        ed.version(`${what}: backspace`, [{ start: cursor, end: cursor + 1, text: '' }]);
      }
    }
    return true;
  },
};

export type OpName = keyof typeof OPS;

/** One planner's edit of `text`, drawn from `ops` (names) by `r`: its name and its versions. */
export function randomEdit(text: string, r: () => number, cx: EditContext, ops: readonly string[] = Object.keys(OPS)): { op: string; versions: Version[] } {
  for (let attempt = 0; attempt < 5; attempt++) {
    const ed = new Editor(text);
    const op = pickOf(r, ops);
    if (OPS[op](ed, r, cx)) return { op, versions: ed.versions };
  }
  return { op: 'replaceWhole', versions: new Editor(text).whole('the whole text again (no range)', text).versions };
}
