/**
 * ParsedFile backed by the `yaml` package: a full document with positions.
 * It reads what the block reader declines (a whole file the segmenter
 * declines, or one segment), and gives every position the engine reports.
 *
 * yaml-syntax findings come from the parser's own errors (duplicate keys
 * included); its English texts are kept as the detail and wrapped in a
 * bilingual sentence per error code.
 */
import type * as YamlLib from 'yaml';
import type { CST, Document, Node, Pair } from 'yaml';
import { LineIndex } from '../text/line-index';
import { defineMessages, msg } from '../i18n/messages';
import type { Span } from '../findings';
import type { JsonPath, ParsedFile, SyntaxProblem } from './parsed-file';
import { depthProblem, MAX_DEPTH } from './depth';

// Loaded on first use: plan-shaped files never need it (the block reader reads them), and
// loading the package is a sixth of the CLI's start-up.
let yamlLib: typeof YamlLib | undefined;
const yaml = (): typeof YamlLib => (yamlLib ??= require('yaml') as typeof YamlLib);

defineMessages({
  'yaml.error': {
    en: 'YAML syntax error: {detail}. Fix the YAML so the file can be checked.',
    zh: 'YAML 语法错误：{detail}。请修正 YAML 语法后再检查其余内容。',
  },
  'yaml.duplicate-key': {
    en: 'The key is defined twice in this mapping. Remove or rename one of them.',
    zh: '同一映射中该键重复出现。请删除或重命名其中一个。',
  },
  'yaml.tab-indent': {
    en: 'Tabs are not allowed for indentation in YAML. Indent with spaces.',
    zh: 'YAML 不允许用制表符缩进。请改用空格缩进。',
  },
  'yaml.bad-indent': {
    en: 'Bad indentation: {detail}. Align the line with its siblings.',
    zh: '缩进错误：{detail}。请与同级条目对齐。',
  },
  'yaml.too-deep': {
    en: 'The document is nested too deeply to be a pilot plan. Flatten the structure.',
    zh: '文档嵌套层级过深，不可能是试点方案。请减少嵌套。',
  },
  'yaml.aliases': {
    en: 'The document expands too many aliases (*name); this looks like an alias bomb. Write the values out instead of repeating aliases.',
    zh: '文档展开的别名（*name）过多，疑似"别名炸弹"。请直接写出取值，不要反复引用别名。',
  },
  'yaml.directive': {
    en: 'YAML directive problem: {detail}. Remove the `%` line or follow it with a document (`---`).',
    zh: 'YAML 指令错误：{detail}。请删除以 `%` 开头的行，或在其后写出文档（`---`）。',
  },
  'yaml.collection-key': {
    en: 'A key must be text or a number, not a list or a mapping. Write the key as plain text.',
    zh: '键必须是文字或数字，不能是列表或映射。请把键写成普通文本。',
  },
  'yaml.alias-cycle': {
    en: 'The alias `*{name}` is inside the node it names, so its value would contain itself. Write the value out instead.',
    zh: '别名 `*{name}` 位于它所引用的节点内部，其取值将包含自身。请直接写出取值。',
  },
  'yaml.multiple-documents': {
    en: 'A pilot plan file holds one YAML document; this is document {n}. Move it into a file of its own.',
    zh: '一个试点方案文件只能包含一个 YAML 文档，这是第 {n} 个文档。请把它移到单独的文件中。',
  },
});

const MAX_ALIAS_COUNT = 1000;

function detailOf(message: string): string {
  // The yaml package appends " at line L, column C" and a code frame; positions are ours.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/[.:]$/, '');
}

function problemFor(code: string, message: string, start: number, end: number): SyntaxProblem {
  const span = { start, end: Math.max(end, start) };
  switch (code) {
    case 'DUPLICATE_KEY':
      return { span, message: msg('yaml.duplicate-key') };
    case 'TAB_AS_INDENT':
      return { span, message: msg('yaml.tab-indent') };
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      if (/indent/i.test(message)) return { span, message: msg('yaml.bad-indent', { detail: detailOf(message) }) };
      return { span, message: msg('yaml.error', { detail: detailOf(message) }) };
    case 'RESOURCE_EXHAUSTION':
      return { span, message: msg('yaml.too-deep') };
    default:
      return { span, message: msg('yaml.error', { detail: detailOf(message) }) };
  }
}

export function parseYaml(path: string, text: string): ParsedFile {
  return new YamlParsedFile(path, text, MAX_DEPTH);
}

/** Where things are in a text: what ParsedFile's `span` and `pathAt` answer. */
export type Positions = Pick<ParsedFile, 'span' | 'pathAt'>;

/**
 * Where things are in a segment already read (segmented-file.ts: by the block reader, or by
 * parseYamlSegment, so nested within the limit and free of aliases): `yaml`'s document alone,
 * without the data and checks of a full parse, which that segment has had.
 */
export function yamlPositions(text: string): Positions {
  const Y = yaml();
  const composer = new Y.Composer(COMPOSE);
  let doc: Document | undefined;
  for (const d of composer.compose(new Y.Parser().parse(text))) doc ??= d;
  return new DocumentPositions(doc, text);
}

/**
 * One segment of a file (segments.ts) through `yaml`, with its positions; undefined where it nests
 * deeper than one level less than the limit: a list item's segment starts a level below its file's
 * top, so only the whole file's parse can say where the limit is passed.
 */
export function parseYamlSegment(text: string): ParsedFile | undefined {
  const f = new YamlParsedFile('', text, MAX_DEPTH - 1);
  return f.tooDeep ? undefined : f;
}

/**
 * The YAML 1.2 core schema alone: no tag beyond it (!!binary, !!set, !!timestamp …) makes data other
 * than plain objects, lists, text, numbers, booleans and null, as the block reader reads. Keys are
 * checked for duplicates by checkNodes, in one pass: the parser's own check is quadratic.
 */
const COMPOSE = { uniqueKeys: false, resolveKnownTags: false, keepSourceTokens: false, logLevel: 'error' } as const;

/** `span` and `pathAt` over `yaml`'s document. */
class DocumentPositions implements Positions {
  constructor(
    protected doc: Document | undefined,
    private readonly positionsText: string,
  ) {}

  span(path: JsonPath, part: 'key' | 'value'): Span | undefined {
    const s = this.nodeSpanAt(path, part);
    // `yaml` ends a collection whose last value is empty with a comment after it at the next line's
    // indentation; end it at that line's start, as everywhere else (and as a segment parsed alone does).
    if (!s) return s;
    let i = s.end;
    while (i > s.start && (this.positionsText[i - 1] === ' ' || this.positionsText[i - 1] === '\t')) i--;
    return i < s.end && i > s.start && this.positionsText[i - 1] === '\n' ? { start: s.start, end: i } : s;
  }

  private nodeSpanAt(path: JsonPath, part: 'key' | 'value'): Span | undefined {
    const contents = this.doc?.contents as Node | null | undefined;
    if (!contents) return undefined;
    if (path.length === 0) return nodeSpan(part === 'key' ? firstKeyNode(contents) ?? contents : contents);
    let node: Node | null | undefined = contents;
    let pair: Pair | undefined;
    for (const step of path) {
      pair = undefined;
      node = deref(node, this.doc!);
      if (yaml().isMap(node)) {
        pair = node.items.find((p) => yaml().isScalar(p.key) && keyString(p.key.value) === String(step)) as Pair | undefined;
        if (!pair) return undefined;
        node = pair.value as Node | null;
      } else if (yaml().isSeq(node) && typeof step === 'number') {
        node = node.items[step] as Node | undefined;
        if (node === undefined) return undefined;
      } else return undefined;
    }
    if (part === 'key') {
      if (pair) return nodeSpan(pair.key as Node);
      return node ? nodeSpan(firstKeyNode(deref(node, this.doc!)) ?? node) : undefined;
    }
    if (node) return nodeSpan(node);
    return pair ? nodeSpan(pair.key as Node) : undefined;
  }

  pathAt(offset: number): { path: JsonPath; part: 'key' | 'value' } | undefined {
    const contents = this.doc?.contents as Node | null | undefined;
    if (!contents) return undefined;
    const path: JsonPath = [];
    let node: Node | null | undefined = contents;
    let part: 'key' | 'value' = 'value';
    for (;;) {
      if (yaml().isMap(node)) {
        const pair = node.items.find((p) => containsOffset(p, offset));
        if (!pair || !yaml().isScalar(pair.key)) return { path, part };
        path.push(keyString(pair.key.value));
        const k = pair.key as Node;
        if (k.range && offset <= k.range[1]) return { path, part: 'key' };
        node = pair.value as Node | null;
        part = 'value';
        if (!node) return { path, part };
      } else if (yaml().isSeq(node)) {
        const i = node.items.findIndex((n) => n && (n as Node).range && within((n as Node).range!, offset));
        if (i < 0) return { path, part };
        path.push(i);
        node = node.items[i] as Node;
      } else return { path, part };
    }
  }
}

class YamlParsedFile extends DocumentPositions implements ParsedFile {
  readonly lines: LineIndex;
  readonly syntax: SyntaxProblem[] = [];
  readonly data: unknown;
  /** The text passes `limit` somewhere (its data is null or cut short). */
  tooDeep = false;

  constructor(
    readonly path: string,
    readonly text: string,
    limit: number,
  ) {
    super(undefined, text);
    this.lines = new LineIndex(text);
    const Y = yaml();
    // Where a document passes the nesting limit, found before composing it: composing recurses per
    // level, and ran out of stack at a depth that depended on what ran before. The parser's stack says
    // it as soon as the text gets there (parsing 100,000 nested lists took a second); the tokens once
    // parsed say it where parsing nests a collection after the fact (a flow mapping that turns out to
    // be a key).
    const parser = new Y.Parser();
    const tokens: CST.Token[] = [];
    let deep = -1;
    for (const lexeme of new Y.Lexer().lex(text)) {
      for (const t of parser.next(lexeme)) tokens.push(t);
      if (parser.stack.length > limit + 1 && (deep = tooDeepOnStack(parser.stack, limit)) >= 0) break;
    }
    if (deep < 0) {
      for (const t of parser.end()) tokens.push(t);
      deep = tooDeepAt(tokens, limit);
    }
    if (deep >= 0) {
      this.syntax.push(depthProblem(deep));
      this.data = null;
      this.tooDeep = true;
      return;
    }
    const composer = new Y.Composer(COMPOSE);
    const list = Array.from(composer.compose(tokens));
    this.syntax.push(...directiveProblems(text, list.length));
    this.doc = list[0];
    let tooDeep = false;
    for (const [i, d] of list.entries()) {
      for (const e of d.errors) {
        this.syntax.push(problemFor(e.code, e.message, e.pos[0], e.pos[1]));
      }
      const checked = checkNodes(d, limit);
      this.syntax.push(...checked.problems);
      if (i === 0) tooDeep = checked.tooDeep;
      if (checked.tooDeep) this.tooDeep = true;
      if (i > 0) {
        const start = d.range[0];
        this.syntax.push({ span: { start, end: Math.min(text.length, start + 3) }, message: msg('yaml.multiple-documents', { n: i + 1 }) });
      }
    }
    let data: unknown = null;
    if (this.doc && !tooDeep) {
      try {
        data = this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (e) {
        const bomb = e instanceof ReferenceError && /alias/i.test(e.message);
        if (!bomb) this.tooDeep = true;
        this.syntax.push({ span: { start: 0, end: 0 }, message: msg(bomb ? 'yaml.aliases' : 'yaml.too-deep') });
        data = null;
      }
    }
    this.data = data;
    // The parser puts an error at the end of the input one character past it: a finding stays inside the text.
    for (const p of this.syntax) {
      const start = Math.min(p.span.start, text.length);
      p.span = { start, end: Math.max(start, Math.min(p.span.end, text.length)) };
    }
  }
}

const isCollectionToken = (t: CST.Token | null | undefined): t is CST.BlockMap | CST.BlockSequence | CST.FlowCollection =>
  !!t && (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection');

/** Where the collection past the limit on the parser's stack (the path to what it is reading) starts, or -1. */
function tooDeepOnStack(stack: CST.Token[], limit: number): number {
  let depth = 0;
  for (const t of stack) if (isCollectionToken(t) && ++depth > limit) return t.offset;
  return -1;
}

/**
 * Where the first collection nested deeper than the limit starts in the
 * parser's tokens (-1: nowhere), without recursion: the tokens of 100,000
 * nested lists are 100,000 levels deep. A collection past the limit is not
 * looked into: whatever is inside starts later.
 */
function tooDeepAt(tokens: CST.Token[], limit: number): number {
  let first = -1;
  const stack: [CST.Token | null | undefined, number][] = [];
  for (const t of tokens) if (t.type === 'document') stack.push([t.value, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (!isCollectionToken(token)) continue;
    if (depth + 1 > limit) {
      if (first < 0 || token.offset < first) first = token.offset;
      continue;
    }
    for (const item of token.items) {
      if ('key' in item) stack.push([item.key, depth + 1]);
      stack.push([item.value, depth + 1]);
    }
  }
  return first;
}

/** Where a node sits while checkNodes walks: `depth` counts the collections down to it, itself included if it is one. */
interface Visit {
  node: unknown;
  depth: number;
  /** Where it is held, so that an alias can be replaced: the pair whose value it is, or the list and its index. */
  pair?: Pair;
  list?: YamlLib.YAMLSeq;
  index?: number;
  /** The walk is back at this collection, below its items. */
  done?: boolean;
}

/**
 * Every node of a document, in one pass in text order, for what the parser
 * leaves:
 * - keys: a key defined twice (as the parser's own `uniqueKeys` check would
 *   say: equal values, or the same text and type; empty keys never, since
 *   `: a` / `: b` are two entries with missing keys, which YAML allows), and a
 *   list or mapping used as a key, which is removed: turned into data it would
 *   be printed as YAML, at a cost that grows with its size at every level it is
 *   nested in (300 nested `{` took 21 s), and a plan's keys are text;
 * - aliases: one inside the node it names (the data would contain itself) is
 *   made null; one that nests the data deeper than the limit (an alias of a
 *   deep list inside a deep list) stops the document (`tooDeep`).
 */
function checkNodes(doc: Document, limit: number): { problems: SyntaxProblem[]; tooDeep: boolean } {
  const Y = yaml();
  const problems: SyntaxProblem[] = [];
  let tooDeep = false;
  // Lists and mappings the walk is inside, and how deep the data of each one it left is.
  const open = new Set<unknown>();
  const height = new Map<unknown, number>();
  const heightOf = (n: unknown): number => (Y.isCollection(n) ? (height.get(n) ?? 0) : 0);
  const stack: Visit[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length) {
    const v = stack.pop()!;
    const node = v.node;
    if (v.done) {
      let h = 0;
      const items = Y.isMap(node) ? node.items.map((p) => p.value) : (node as YamlLib.YAMLSeq).items;
      for (const item of items) h = Math.max(h, Y.isAlias(item) ? heightOf(item.resolve(doc)) : heightOf(item));
      height.set(node, h + 1);
      open.delete(node);
      continue;
    }
    if (Y.isAlias(node)) {
      const target = node.resolve(doc);
      if (!Y.isCollection(target)) continue;
      const r = node.range;
      if (open.has(target)) {
        problems.push({ span: { start: r?.[0] ?? 0, end: r?.[1] ?? 0 }, message: msg('yaml.alias-cycle', { name: node.source }) });
        const nothing = new Y.Scalar(null);
        if (v.pair) v.pair.value = nothing;
        else if (v.list) v.list.items[v.index!] = nothing;
      } else if (!tooDeep && v.depth - 1 + heightOf(target) > limit) {
        problems.push(depthProblem(r?.[0] ?? 0, r?.[1] ?? 0));
        tooDeep = true;
      }
      continue;
    }
    if (!Y.isCollection(node)) continue;
    open.add(node);
    stack.push({ node, depth: v.depth, done: true });
    // Pushed last to first, so that they are walked in text order: an alias comes after its anchor.
    if (Y.isMap(node)) {
      const seen = new Set<string>();
      let dropped = false;
      const kept: Visit[] = [];
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const target = Y.isAlias(key) ? key.resolve(doc) : key;
        if (Y.isCollection(target)) {
          const r = (key as Node).range;
          problems.push({ span: { start: r?.[0] ?? 0, end: r?.[1] ?? 0 }, message: msg('yaml.collection-key') });
          dropped = true;
          continue;
        }
        if (Y.isScalar(key) && key.value !== null && key.value !== undefined) {
          const id = typeof key.value + ':' + String(key.value);
          if (seen.has(id)) {
            const start = key.range?.[0] ?? 0;
            problems.push({ span: { start, end: start + 1 }, message: msg('yaml.duplicate-key') });
          } else seen.add(id);
        }
        kept.push({ node: pair.value, depth: v.depth + 1, pair: pair as Pair });
      }
      if (dropped) node.items = node.items.filter((p) => !Y.isCollection(Y.isAlias(p.key) ? p.key.resolve(doc) : p.key));
      for (let i = kept.length - 1; i >= 0; i--) stack.push(kept[i]);
    } else if (Y.isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: v.depth + 1, list: node, index: i });
    }
  }
  return { problems, tooDeep };
}

/** A key as data names it (`yaml`'s toJS): an empty key is the empty string. */
function keyString(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Two checks the parser leaves out: a directive with no document after it, and a repeated %YAML directive. */
function directiveProblems(text: string, documents: number): SyntaxProblem[] {
  if (!text.includes('%')) return [];
  const out: SyntaxProblem[] = [];
  const re = /^%YAML\b.*$/gm;
  let m: RegExpExecArray | null;
  let seen = 0;
  let prevEnd = -1;
  while ((m = re.exec(text))) {
    // A second %YAML before any document start marker repeats the directive.
    const between = prevEnd >= 0 ? text.slice(prevEnd, m.index) : '';
    if (seen > 0 && !/^---/m.test(between)) {
      out.push({ span: { start: m.index, end: m.index + m[0].length }, message: msg('yaml.directive', { detail: 'the %YAML directive is repeated' }) });
    }
    seen++;
    prevEnd = m.index + m[0].length;
  }
  if (documents === 0) {
    const d = /^%\S.*$/m.exec(text);
    if (d) out.push({ span: { start: d.index, end: d.index + d[0].length }, message: msg('yaml.directive', { detail: 'a directive must be followed by a document' }) });
  }
  return out;
}

function within(range: [number, number, number], offset: number): boolean {
  return offset >= range[0] && offset <= range[1];
}

function containsOffset(p: Pair, offset: number): boolean {
  const k = p.key as Node | null;
  const v = p.value as Node | null;
  const start = k?.range?.[0] ?? v?.range?.[0];
  const end = v?.range?.[1] ?? k?.range?.[1];
  return start !== undefined && end !== undefined && offset >= start && offset <= end;
}

function deref(node: Node | null | undefined, doc: Document): Node | null | undefined {
  if (yaml().isAlias(node)) return node.resolve(doc) as Node | undefined;
  return node;
}

function firstKeyNode(node: Node | null | undefined): Node | undefined {
  if (yaml().isMap(node)) {
    const first = node.items[0];
    if (yaml().isPair(first) && first.key) return first.key as Node;
  }
  return undefined;
}

function nodeSpan(node: Node | null | undefined): Span | undefined {
  if (!node?.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}
