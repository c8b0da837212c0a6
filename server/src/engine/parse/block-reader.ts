/**
 * Plan-shaped YAML straight to data, or `undefined` when the text is not
 * plainly plan-shaped: the engine's reader of data, with `yaml` (yaml-file.ts)
 * for everything it declines and for every position.
 *
 * Why: `yaml` builds a document with positions, about ten times the work of
 * reading the data alone, and a clean plan never asks where anything is. Plan
 * files use a small, regular part of YAML: block mappings with plain keys,
 * block sequences, one-line scalars and flow collections, folded or literal
 * text. This reader handles exactly that part, line by line.
 *
 * The contract, tested against `yaml` on every example, every conformance case
 * and thousands of mutants (test/engine/block-reader.test.ts,
 * parse-paths.test.ts): when it returns data, `yaml` (yaml-file.ts) parses the
 * same text without a problem to the same data. Anything else — anchors, tags,
 * quoted or unusual keys, multi-line plain or quoted scalars, escapes, tabs,
 * control characters, duplicate keys, `keep` chomping, explicit indentation,
 * any doubt at all — makes it give up, and the caller parses the text with
 * `yaml`. Plain scalars are typed as `yaml`'s core schema types them
 * (core-scalars.ts).
 */
import type { Segment, Segmentation } from './segments';
import { typePlainScalar } from './core-scalars';

/** Thrown inside the reader to give up; never leaves `readBlock`. */
const GIVE_UP = new Error('not plan-shaped');

const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const PIPE = 124;
const GT = 62;

/**
 * Characters YAML refuses in scalars, tabs and every surrogate, which this
 * reader leaves to `yaml` rather than judge; lone CRs too, looked for only in
 * text that has a CR (one character class scans faster than a class and a
 * look-ahead together).
 */
const NOT_OURS = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;
const LONE_CR = /\r(?!\n)/;

function notOurs(text: string): boolean {
  return NOT_OURS.test(text) || (text.includes('\r') && LONE_CR.test(text));
}

/** Keys that `yaml` types (null, booleans) and so names otherwise than their text, or that objects treat specially. */
const ODD_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

/** A character that cannot start a plain scalar here (or that we leave to `yaml`). */
function oddStart(c: number): boolean {
  // ? : , [ ] { } # & * ! | > ' " % @ `
  return c === 63 || c === COLON || c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE || c === HASH || c === 38 || c === 42 || c === 33 || c === PIPE || c === GT || c === SQUOTE || c === DQUOTE || c === 37 || c === 64 || c === 96;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === DASH;
}

const hasOwn = Object.prototype.hasOwnProperty;

const KEY_SLOTS = 1024;
/** Keys seen lately, by a hash of their length and ends (see Reader.key). */
const KEYS: (string | undefined)[] = new Array(KEY_SLOTS).fill(undefined);
/**
 * Block collections and flow collections (on one line) the reader takes nested: together 32 + 21,
 * well inside depth.ts's limit even for a segment (one level below the file's top): deeper text goes
 * to `yaml`, which alone says where the limit is passed.
 */
const BLOCK_DEPTH = 32;
const FLOW_DEPTH = 20;

class Reader {
  private readonly n: number;
  // The current content line: its start, where its content starts (moved for
  // a compact `- key: …`), its indentation (the content's column), its end
  // (before any CR) and the start of the next line. ind is -1 at the end.
  private ls = 0;
  private ci = 0;
  private ind = -1;
  private le = 0;
  private next = 0;
  private depth = 0;
  /** When asked for: the file's segments (see segments.ts), found on the way. */
  segments: Segment[] | undefined;
  readonly listKeys = new Set<string>();

  constructor(private readonly t: string) {
    this.n = t.length;
    this.advance(0);
  }

  // What scanLine found: the line's end (before any CR), the next line's start, its first non-space.
  private sLe = 0;
  private sNx = 0;
  private sC = 0;

  private scanLine(p: number): void {
    const t = this.t;
    let e = t.indexOf('\n', p);
    if (e < 0) e = this.n;
    this.sNx = e < this.n ? e + 1 : this.n;
    this.sLe = e > p && t.charCodeAt(e - 1) === CR ? e - 1 : e;
    let c = p;
    while (c < this.sLe && t.charCodeAt(c) === SPACE) c++;
    this.sC = c;
  }

  /** Moves to the first line from `from` on that is neither blank nor a comment. */
  private advance(from: number): void {
    let p = from;
    while (p < this.n) {
      this.scanLine(p);
      const c = this.sC;
      if (c < this.sLe && this.t.charCodeAt(c) !== HASH) {
        this.ls = p;
        this.ci = c;
        this.ind = c - p;
        this.le = this.sLe;
        this.next = this.sNx;
        return;
      }
      p = this.sNx;
    }
    this.ind = -1;
    this.ls = this.ci = this.le = this.next = this.n;
  }

  read(): unknown {
    if (this.ind < 0) throw GIVE_UP; // nothing but comments: left to `yaml`
    const v = this.collection();
    if (this.ind >= 0) throw GIVE_UP; // something left over (less indented than the first line)
    return v;
  }

  /** A whole plan file: a mapping at column 0, split into segments as segments.ts would. */
  readFile(): Record<string, unknown> {
    if (this.ind !== 0 || this.keyEnd(this.ci) < 0) throw GIVE_UP;
    this.segments = [];
    const v = this.mapping(0, true);
    if (this.ind >= 0) throw GIVE_UP;
    const segs = this.segments;
    for (let i = 0; i < segs.length; i++) segs[i].end = i + 1 < segs.length ? segs[i + 1].start : this.n;
    return v;
  }

  private isItem(at: number): boolean {
    if (this.t.charCodeAt(at) !== DASH) return false;
    return at + 1 >= this.le || this.t.charCodeAt(at + 1) === SPACE;
  }

  /**
   * End of a plain key starting at `at` when `key:` (then a space or the line end) stands there, else -1.
   * `years`: a run of digits without a leading zero is a key too (a trend's `values: { 2020: … }`): `yaml`
   * reads it as an integer and names the property with the same digits. Never at the top level, whose keys
   * segments.ts cuts by name.
   */
  private keyEnd(at: number, years = false): number {
    const t = this.t;
    const c0 = t.charCodeAt(at);
    let p = at + 1;
    if (isKeyStart(c0)) {
      while (p < this.le && isKeyChar(t.charCodeAt(p))) p++;
    } else if (years && c0 >= 49 && c0 <= 57) {
      while (p < this.le && isDigit(t.charCodeAt(p))) p++;
      if (p - at > 15) return -1; // past a safe integer the property's name would not be the digits
    } else return -1;
    if (t.charCodeAt(p) !== COLON) return -1;
    if (p + 1 < this.le && t.charCodeAt(p + 1) !== SPACE) return -1;
    return p;
  }

  /**
   * The key between `at` and `end`. Plans repeat a few dozen keys thousands of
   * times: the string is taken from KEYS when it is there, so it is neither
   * copied nor hashed again when it becomes a property name.
   */
  private key(at: number, end: number): string {
    const t = this.t;
    const len = end - at;
    const slot = (len * 31 + t.charCodeAt(at) * 7 + t.charCodeAt(end - 1)) & (KEY_SLOTS - 1);
    const known = KEYS[slot];
    if (known !== undefined && known.length === len && t.startsWith(known, at)) return known;
    const key = t.slice(at, end);
    if (ODD_KEYS.has(key)) throw GIVE_UP;
    KEYS[slot] = key;
    return key;
  }

  /** A block collection at the current line's indentation. `listKey`: a top-level key whose items are segments. */
  private collection(listKey?: string): unknown {
    if (++this.depth > BLOCK_DEPTH) throw GIVE_UP;
    let v: unknown;
    if (this.isItem(this.ci)) v = this.sequence(this.ind, listKey);
    else if (this.keyEnd(this.ci, true) >= 0) v = this.mapping(this.ind);
    else throw GIVE_UP; // a bare scalar on its own line: multi-line text or a scalar document
    this.depth--;
    return v;
  }

  /** `top`: the file's top level, whose keys and list items are segments. */
  private mapping(m: number, top = false): Record<string, unknown> {
    const t = this.t;
    const obj: Record<string, unknown> = {};
    while (this.ind === m) {
      const ks = this.ci;
      const colon = this.keyEnd(ks, !top);
      if (colon < 0) throw GIVE_UP;
      const key = this.key(ks, colon);
      if (hasOwn.call(obj, key)) throw GIVE_UP;
      // Segments start at their line; the first one at the file's start, comments above included.
      if (top) this.segments!.push({ start: this.segments!.length ? this.ls : 0, end: 0, key });
      let p = colon + 1;
      while (p < this.le && t.charCodeAt(p) === SPACE) p++;
      if (p >= this.le || t.charCodeAt(p) === HASH) {
        this.advance(this.next);
        // The value is on the lines below: deeper, or a sequence at the key's own indentation.
        if (this.ind > m) obj[key] = this.collection(top ? key : undefined);
        else if (this.ind === m && this.isItem(this.ci)) obj[key] = this.sequence(m, top ? key : undefined);
        else obj[key] = null;
      } else {
        obj[key] = this.inline(p, m);
      }
    }
    if (this.ind > m) throw GIVE_UP; // a deeper line after an entry: continued text or bad indentation
    return obj;
  }

  /**
   * The items of the lists being read, innermost last, from `sp` down. A list
   * is made when it ends, as a copy of its items at its own length: a list
   * pushed onto gets room for 17 items at its first push (8 bytes each in
   * Node's V8) and a plan holds tens of thousands of lists of one to three
   * items (partners, indicators, dependsOn); gathered here, no list is made
   * only to be copied (bench/README.md, the block reader). The stack is
   * written by index and never shortened (V8 trims an array's storage when its
   * length drops), so it grows once per reader.
   */
  private readonly items: unknown[] = [];
  private sp = 0;

  /** One more item: into the top-level list `arr`, or onto the stack. */
  private item(arr: unknown[] | undefined, v: unknown): void {
    if (arr) arr.push(v);
    else this.items[this.sp++] = v;
  }

  /** The items from `base` up, as a list of their own; the stack drops them. */
  private takeItems(base: number): unknown[] {
    const list = this.items.slice(base, this.sp);
    this.sp = base;
    return list;
  }

  private sequence(s: number, listKey?: string): unknown[] {
    const t = this.t;
    // A top-level entity list is one per file, and long: its own array. Any other list gathers its
    // items on the reader's stack (see `items`).
    const arr: unknown[] | undefined = listKey === undefined ? undefined : [];
    const base = this.sp;
    if (listKey !== undefined) this.listKeys.add(listKey);
    while (this.ind === s && this.isItem(this.ci)) {
      if (listKey !== undefined) this.segments!.push({ start: this.ls, end: 0, key: listKey, index: arr!.length });
      let p = this.ci + 1;
      while (p < this.le && t.charCodeAt(p) === SPACE) p++;
      if (p >= this.le || t.charCodeAt(p) === HASH) {
        this.advance(this.next);
        // An empty item (null): plans write none, so it is left to `yaml`.
        if (this.ind <= s) throw GIVE_UP;
        this.item(arr, this.collection());
      } else if (this.isItem(p) || this.keyEnd(p, true) >= 0) {
        // A compact collection (`- id: …`, `- - …`): the rest of the line starts it, at its own column.
        this.ci = p;
        this.ind = p - this.ls;
        this.item(arr, this.collection());
      } else {
        this.item(arr, this.inline(p, s));
      }
    }
    if (this.ind > s) throw GIVE_UP;
    return arr ?? this.takeItems(base);
  }

  /** A value that starts on the current line at `p`; moves past it. `m`: the indentation of its parent. */
  private inline(p: number, m: number): unknown {
    const t = this.t;
    const c = t.charCodeAt(p);
    let v: unknown;
    if (c === PIPE || c === GT) return this.blockScalar(p, m);
    if (c === LBRACKET || c === LBRACE) v = this.flow(p, 0);
    else if (c === SQUOTE || c === DQUOTE) v = this.quoted(p);
    else {
      if (oddStart(c) || this.isItem(p)) throw GIVE_UP;
      // A plain scalar runs to the line end or to ` #`; `: ` inside would make it a mapping.
      let e = p;
      const le = this.le;
      while (e < le) {
        const ch = t.charCodeAt(e);
        if (ch === COLON) {
          if (e + 1 >= le || t.charCodeAt(e + 1) === SPACE) throw GIVE_UP;
        } else if (ch === HASH && t.charCodeAt(e - 1) === SPACE) break;
        e++;
      }
      let q = e;
      while (t.charCodeAt(q - 1) === SPACE) q--;
      v = typePlainScalar(t.slice(p, q));
      this.end = le;
    }
    this.rest(this.end);
    this.advance(this.next);
    return v;
  }

  /** After a value: only spaces and a comment may follow on its line. */
  private rest(p: number): void {
    const t = this.t;
    if (p >= this.le) return;
    if (t.charCodeAt(p) !== SPACE) throw GIVE_UP;
    p = this.skipSpaces(p);
    if (p < this.le && t.charCodeAt(p) !== HASH) throw GIVE_UP;
  }

  private skipSpaces(p: number): number {
    while (p < this.le && this.t.charCodeAt(p) === SPACE) p++;
    return p;
  }

  // The scalar and flow readers below return their value and leave where it ends here.
  private end = 0;

  /** A quoted scalar that closes on its line (no escapes in double quotes). */
  private quoted(p: number): string {
    const t = this.t;
    const q = t.charCodeAt(p);
    let e = p + 1;
    let value = '';
    let from = e;
    for (;;) {
      if (e >= this.le) throw GIVE_UP; // runs on to the next line
      const ch = t.charCodeAt(e);
      if (ch === BACKSLASH && q === DQUOTE) throw GIVE_UP;
      if (ch === q) {
        if (q === SQUOTE && t.charCodeAt(e + 1) === SQUOTE) {
          value += t.slice(from, e + 1);
          e += 2;
          from = e;
          continue;
        }
        this.end = e + 1;
        return value + t.slice(from, e);
      }
      e++;
    }
  }

  /** A flow collection that closes on its line. */
  private flow(p: number, depth: number): unknown {
    if (depth > FLOW_DEPTH) throw GIVE_UP;
    const t = this.t;
    const le = this.le;
    const isSeq = t.charCodeAt(p) === LBRACKET;
    const close = isSeq ? RBRACKET : RBRACE;
    // Only the collection it is: plans hold tens of thousands of short lists, and an unused object each added up.
    const base = this.sp;
    const obj: Record<string, unknown> | undefined = isSeq ? undefined : {};
    p = this.skipSpaces(p + 1);
    if (t.charCodeAt(p) !== close) {
      for (;;) {
        if (p >= le) throw GIVE_UP;
        if (isSeq) this.item(undefined, this.flowNode(p, depth));
        else {
          const colon = this.keyEnd(p, true);
          if (colon < 0 || t.charCodeAt(colon + 1) !== SPACE) throw GIVE_UP;
          const key = this.key(p, colon);
          if (hasOwn.call(obj!, key)) throw GIVE_UP;
          obj![key] = this.flowNode(this.skipSpaces(colon + 1), depth);
        }
        p = this.skipSpaces(this.end);
        const c = t.charCodeAt(p);
        if (c === close) break;
        if (c !== COMMA) throw GIVE_UP;
        p = this.skipSpaces(p + 1);
        if (t.charCodeAt(p) === close || t.charCodeAt(p) === COMMA) throw GIVE_UP; // trailing or empty entry
      }
    }
    this.end = p + 1;
    return isSeq ? this.takeItems(base) : obj;
  }

  private flowNode(p: number, depth: number): unknown {
    const t = this.t;
    const c = t.charCodeAt(p);
    if (c === LBRACKET || c === LBRACE) return this.flow(p, depth + 1);
    if (c === SQUOTE || c === DQUOTE) return this.quoted(p);
    if (oddStart(c) || this.isItem(p)) throw GIVE_UP;
    // In a flow collection `-` starts a plain scalar only before a character that may go on one: `{ a: -}` is no scalar.
    if (c === DASH && isFlowIndicator(t.charCodeAt(p + 1))) throw GIVE_UP;
    let e = p;
    const le = this.le;
    for (; e < le; e++) {
      const ch = t.charCodeAt(e);
      if (ch === COMMA || ch === RBRACKET || ch === RBRACE) break;
      // Anything that could make this more than one plain scalar is left to `yaml`.
      if (ch === COLON || ch === HASH || ch === LBRACKET || ch === LBRACE || ch === SQUOTE || ch === DQUOTE) throw GIVE_UP;
    }
    let q = e;
    while (t.charCodeAt(q - 1) === SPACE) q--;
    if (q === p) throw GIVE_UP;
    this.end = e;
    return typePlainScalar(t.slice(p, q));
  }

  /** `|` or `>` with clip or strip chomping and no indentation indicator. */
  private blockScalar(p: number, m: number): string {
    const t = this.t;
    const folded = t.charCodeAt(p) === GT;
    let h = p + 1;
    let strip = false;
    if (t.charCodeAt(h) === DASH) {
      strip = true;
      h++;
    }
    this.rest(h);
    const n = this.n;
    let pos = this.next;
    let indent = -1;
    let out = '';
    let empties = 0; // empty lines since the last text line
    let any = false;
    let after = pos; // start of the first line after the scalar
    while (pos < n) {
      this.scanLine(pos);
      const c = this.sC;
      const le = this.sLe;
      const nx = this.sNx;
      const spaces = c - pos;
      if (c === le) {
        // An empty line: part of the text if more text follows. Spaces beyond the indentation would be text.
        if (indent < 0 || spaces > indent) throw GIVE_UP;
        empties++;
        pos = nx;
        continue;
      }
      if (indent < 0) {
        if (spaces <= m) throw GIVE_UP; // empty scalar: left to `yaml`
        indent = spaces;
      } else if (spaces < indent) {
        break;
      }
      if (folded && spaces > indent) throw GIVE_UP; // more-indented lines fold differently
      const line = t.slice(pos + indent, le);
      if (!any) out = line;
      else if (folded) out += (empties ? '\n'.repeat(empties) : ' ') + line;
      else out += '\n'.repeat(empties + 1) + line;
      any = true;
      empties = 0;
      pos = nx;
      after = nx;
    }
    if (!any) throw GIVE_UP;
    this.advance(after);
    if (this.ind > m) throw GIVE_UP;
    return strip ? out : out + '\n';
  }
}

/** What `use` makes of a Reader over the text, or undefined when the reader gives up (the caller asks `yaml` then). */
function withReader<T>(text: string, use: (r: Reader) => T): T | undefined {
  if (notOurs(text)) return undefined;
  try {
    return use(new Reader(text));
  } catch {
    return undefined; // GIVE_UP, or a stack overflow on absurd nesting
  }
}

/** The data of plan-shaped YAML text, or undefined when `yaml` must decide. */
export function readBlock(text: string): unknown {
  return withReader(text, (r) => r.read());
}

/**
 * A whole plan file (a mapping at the top level): its data and the segments
 * segments.ts would cut, in one pass; undefined when `yaml` must decide.
 */
export function readPlanFile(text: string): { data: Record<string, unknown>; segmentation: Segmentation } | undefined {
  return withReader(text, (r) => {
    const data = r.readFile();
    return { data, segmentation: { segments: r.segments!, listKeys: r.listKeys } };
  });
}
