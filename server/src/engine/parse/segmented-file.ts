/**
 * ParsedFile for the common case: a file the segmenter can split (see
 * segments.ts). Each segment is parsed on its own, and its parse kept:
 *
 * - data: the block reader (block-reader.ts) for plan-shaped text, without
 *   positions; `yaml` for a segment it declines, which also gives the verdict
 *   and the error's position, so messages match the full path;
 * - positions: from `yaml`'s parse of the segment, made only when someone asks
 *   where something in it is (a finding, a hover), and kept.
 *
 * After an edit, a new file built with the previous one parses only the
 * segments on the lines the edit changed; the others are the same text at the
 * same place, or moved by the edit, and keep their parses (`lend`).
 */
import { readBlock } from './block-reader';
import { LineIndex } from '../text/line-index';
import type { Span } from '../findings';
import type { JsonPath, ParsedFile, SyntaxProblem } from './parsed-file';
import type { Segment, Segmentation } from './segments';
import { parseYamlSegment, yamlPositions, type Positions } from './yaml-file';
import type { LineChange } from '../text/line-change';
import { lastStartAtOrBefore } from '../text/last-start';

interface SegmentParse {
  data: unknown;
  problems: SyntaxProblem[];
  /** `yaml`'s parse of the segment: made when a position is first asked for, or at once when the block reader declines it. */
  positions?: Positions;
}

/** A segment's parse; undefined when it is nested too deeply for a segment (the whole file goes to `yaml`). */
function parseSegment(text: string): SegmentParse | undefined {
  const data = readBlock(text);
  if (data !== undefined) return { data, problems: [] };
  const y = parseYamlSegment(text);
  return y && { data: y.data, problems: [...y.syntax], positions: y };
}

/** A segment's parse cut from the whole file's data (the block reader's read of it, or a compact model's). */
function cut(data: Record<string, unknown>, seg: Segmentation, s: Segment): SegmentParse {
  const value = data[s.key];
  if (s.index === undefined) return { data: { [s.key]: seg.listKeys.has(s.key) ? null : value }, problems: [] };
  // A compact model's data keeps no lists (plan-view.ts): its segments are asked only for positions.
  return { data: [Array.isArray(value) ? value[s.index] : undefined], problems: [] };
}

/**
 * A file the block reader read whole (block-reader.ts readPlanFile): its
 * segments' parses are cut from the data only when someone asks.
 */
export function fromBlockReader(path: string, text: string, seg: Segmentation, data: Record<string, unknown>): SegmentedParsedFile {
  return new SegmentedParsedFile(path, text, seg, [], data, []);
}

/**
 * Undefined when a segment parses to an unexpected shape: the caller takes the
 * full path. With the file's previous version, a segment that is the same text
 * at the same place (before the lines the edit changed, or moved by it after
 * them) keeps its parse; the others are parsed. `change`: where the previous
 * text and this one differ (text/line-change.ts; undefined when they are equal).
 */
export function parseSegmented(path: string, text: string, seg: Segmentation, previous?: SegmentedParsedFile, change?: LineChange): SegmentedParsedFile | undefined {
  const parses: SegmentParse[] = [];
  for (const s of seg.segments) {
    const p = previous?.lend(s, change) ?? parseSegment(text.slice(s.start, s.end));
    if (!p) return undefined;
    parses.push(p);
  }
  const data: Record<string, unknown> = {};
  const syntax: SyntaxProblem[] = [];
  for (let i = 0; i < seg.segments.length; i++) {
    const s = seg.segments[i];
    const p = parses[i];
    for (const pr of p.problems) syntax.push({ span: { start: pr.span.start + s.start, end: pr.span.end + s.start }, message: pr.message });
    if (p.problems.length) continue;
    if (s.index === undefined) {
      const d = p.data as Record<string, unknown> | null;
      if (!d || typeof d !== 'object' || Array.isArray(d) || Object.keys(d).length !== 1 || !(s.key in d)) return undefined;
      data[s.key] = seg.listKeys.has(s.key) ? [] : d[s.key];
    } else {
      if (!Array.isArray(p.data) || p.data.length !== 1) return undefined;
      (data[s.key] as unknown[]).push(p.data[0]);
    }
  }
  return new SegmentedParsedFile(path, text, seg, parses, data, syntax, true);
}

/**
 * A segmentation as a compact model keeps it (plan-view.ts): each segment's
 * key, and its start, end and item index in one array of numbers, instead of
 * an object per segment (a 1,000-file plan has 20,000 segments, kept until
 * its plan rules end, and the garbage collector copies every object it keeps).
 * Made into a Segmentation again when a position in the file is asked for.
 */
interface PackedSegmentation {
  keys: string[];
  /** start, end, index (-1: the key's own segment), for each segment. */
  numbers: number[];
  listKeys: string[];
}

function pack(seg: Segmentation): PackedSegmentation {
  const keys: string[] = new Array(seg.segments.length);
  const numbers: number[] = new Array(seg.segments.length * 3);
  for (let i = 0; i < seg.segments.length; i++) {
    const s = seg.segments[i];
    keys[i] = s.key;
    numbers[3 * i] = s.start;
    numbers[3 * i + 1] = s.end;
    numbers[3 * i + 2] = s.index ?? -1;
  }
  return { keys, numbers, listKeys: [...seg.listKeys] };
}

function unpack(p: PackedSegmentation): Segmentation {
  const segments: Segment[] = [];
  for (let i = 0; i < p.keys.length; i++) {
    const index = p.numbers[3 * i + 2];
    segments.push(index < 0 ? { start: p.numbers[3 * i], end: p.numbers[3 * i + 1], key: p.keys[i] } : { start: p.numbers[3 * i], end: p.numbers[3 * i + 1], key: p.keys[i], index });
  }
  return { segments, listKeys: new Set(p.listKeys) };
}

export class SegmentedParsedFile implements ParsedFile {
  readonly lines: LineIndex;
  private segmentation: Segmentation | PackedSegmentation;

  constructor(
    readonly path: string,
    readonly text: string,
    seg: Segmentation | PackedSegmentation,
    /** By segment; a hole is cut from `data` when first needed (a first parse of a valid file). */
    private readonly parses: (SegmentParse | undefined)[],
    readonly data: unknown,
    readonly syntax: SyntaxProblem[],
    /**
     * The text passed segments.ts's screens (it was segmented by segments.ts, not only
     * read whole by the block reader): an edit of it needs only its own lines screened.
     */
    readonly screened = false,
  ) {
    this.lines = new LineIndex(text);
    this.segmentation = seg;
  }

  /** This version's segments (made from their packed form when first asked): the next version's segment() starts from them. */
  get seg(): Segmentation {
    const s = this.segmentation;
    return 'segments' in s ? s : (this.segmentation = unpack(s));
  }

  /**
   * The same file with other data (the checker's compact model, plan-view.ts):
   * positions are found as before, from the text and its segments (packed
   * until then), so no parse is needed again. For a snapshot only: its segments' parses would be
   * cut from the other data, and `lend` would give them to an edit.
   */
  withData(data: Record<string, unknown>): SegmentedParsedFile {
    const s = this.segmentation;
    return new SegmentedParsedFile(this.path, this.text, 'segments' in s ? pack(s) : s, [], data, this.syntax, this.screened);
  }

  /**
   * This version's parse of segment `s` of the next version, when `s` is the
   * same text at the same place: before the lines `change` changed, or after
   * them, moved by it (`change` undefined: the texts are equal). Found by
   * place, not by text: hashing every segment's text would cost a keystroke a
   * pass over the whole file.
   */
  lend(s: Segment, change: LineChange | undefined): SegmentParse | undefined {
    let start = s.start;
    if (change && s.end > change.from) {
      if (s.start < change.to + change.delta) return undefined;
      start -= change.delta;
    }
    const i = lastStartAtOrBefore(this.seg.segments, start);
    const old = this.seg.segments[i];
    if (!old || old.start !== start || old.end - old.start !== s.end - s.start) return undefined;
    return this.parseOf(i);
  }

  private parseOf(i: number): SegmentParse {
    return (this.parses[i] ??= cut(this.data as Record<string, unknown>, this.seg, this.seg.segments[i]));
  }

  private positions(i: number): Positions {
    const p = this.parseOf(i);
    if (!p.positions) {
      const s = this.seg.segments[i];
      p.positions = yamlPositions(this.text.slice(s.start, s.end));
    }
    return p.positions;
  }

  /** A span within segment i, relative to the segment. */
  private spanIn(i: number, path: JsonPath, part: 'key' | 'value'): Span | undefined {
    return this.positions(i).span(path, part);
  }

  /** Positions of item segments parsed with the next line's indentation, by segment: this version's text only, never lent. */
  private extended: Map<number, Positions> | undefined;

  /**
   * A span in list item segment i as the whole file's parse gives it. A segment ends at the start
   * of the next item's line; where the item ends in a comment at the indentation of a block list
   * inside it, `yaml` ends the item's nodes at the next item's dash, after that line's indentation,
   * which the segment's text lacks. Only a span that reaches the segment's end can differ: it is
   * asked again of the segment parsed with that indentation.
   */
  private itemSpanIn(i: number, path: JsonPath, part: 'key' | 'value'): Span | undefined {
    const span = this.spanIn(i, path, part);
    const s = this.seg.segments[i];
    if (!span || span.end !== s.end - s.start) return span;
    let end = s.end;
    while (this.text.charCodeAt(end) === 32) end++;
    if (end === s.end) return span;
    this.extended ??= new Map();
    let positions = this.extended.get(i);
    if (!positions) this.extended.set(i, (positions = yamlPositions(this.text.slice(s.start, end))));
    return positions.span(path, part) ?? span;
  }

  private shift(span: Span | undefined, i: number): Span | undefined {
    if (!span) return undefined;
    const base = this.seg.segments[i].start;
    return { start: span.start + base, end: span.end + base };
  }

  // Segment numbers by key and by list item, made on the first span asked for: a big file with
  // findings in every entry asks thousands of times, and a search each time made that quadratic.
  private byKey: Map<string, { key: number; items: number[] }> | undefined;

  private segmentsOf(key: string): { key: number; items: number[] } | undefined {
    if (!this.byKey) {
      this.byKey = new Map();
      this.seg.segments.forEach((s, i) => {
        let e = this.byKey!.get(s.key);
        if (!e) this.byKey!.set(s.key, (e = { key: -1, items: [] }));
        if (s.index === undefined) {
          if (e.key < 0) e.key = i;
        } else if (e.items[s.index] === undefined) e.items[s.index] = i;
      });
    }
    return this.byKey.get(key);
  }

  private keySegment(key: string): number {
    return this.segmentsOf(key)?.key ?? -1;
  }

  private itemSegment(key: string, index: number): number {
    return this.segmentsOf(key)?.items[index] ?? -1;
  }

  span(path: JsonPath, part: 'key' | 'value'): Span | undefined {
    if (path.length === 0) {
      const first = this.shift(this.spanIn(0, [], 'key'), 0);
      if (part === 'key') return first;
      return first ? { start: first.start, end: this.text.length } : undefined;
    }
    const key = String(path[0]);
    const k = this.keySegment(key);
    if (k < 0) return undefined;
    if (!this.seg.listKeys.has(key)) return this.shift(this.spanIn(k, path, part), k);
    if (path.length === 1) {
      if (part === 'key') return this.shift(this.spanIn(k, path, 'key'), k);
      const first = this.itemSegment(key, 0);
      const items = this.segmentsOf(key)?.items ?? [];
      const last = items.length ? items[items.length - 1] : -1;
      const a = this.shift(this.spanIn(first, [], 'value'), first);
      const b = this.shift(this.itemSpanIn(last, [], 'value'), last);
      return a && b ? { start: a.start, end: b.end } : undefined;
    }
    if (typeof path[1] !== 'number') return undefined;
    const i = this.itemSegment(key, path[1]);
    if (i < 0) return undefined;
    return this.shift(this.itemSpanIn(i, [0, ...path.slice(2)], part), i);
  }

  pathAt(offset: number): { path: JsonPath; part: 'key' | 'value' } | undefined {
    const lo = lastStartAtOrBefore(this.seg.segments, offset);
    const s = this.seg.segments[lo];
    const r = this.positions(lo).pathAt(offset - s.start);
    if (s.index === undefined) return r;
    if (!r || r.path.length === 0) return { path: [s.key], part: 'value' };
    return { path: [s.key, s.index, ...r.path.slice(1)], part: r.part };
  }
}
