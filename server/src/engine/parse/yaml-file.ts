/**
 * ParsedFile backed by the `yaml` package: a full document with positions.
 *
 * yaml-syntax findings come from the parser's own errors (duplicate keys
 * included); its English texts are kept as the detail and wrapped in a
 * bilingual sentence per error code.
 */
import type * as YamlLib from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { LineIndex } from '../text/line-index';
import { defineMessages, msg } from '../i18n/messages';
import type { Span } from '../findings';
import type { JsonPath, ParsedFile, SyntaxProblem } from './parsed-file';

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
  return new YamlParsedFile(path, text);
}

class YamlParsedFile implements ParsedFile {
  readonly lines: LineIndex;
  readonly syntax: SyntaxProblem[] = [];
  readonly data: unknown;
  private readonly doc: Document | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    // The YAML 1.2 core schema alone: no tag beyond it (!!binary, !!set, !!timestamp …) makes data
    // other than plain objects, lists, text, numbers, booleans and null, as on the fast path.
    // Keys are checked for duplicates below, in one pass: the parser's own check is quadratic.
    const docs = yaml().parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, resolveKnownTags: false, keepSourceTokens: false, logLevel: 'error' });
    const list = Array.isArray(docs) ? docs : [];
    this.syntax.push(...directiveProblems(text, list.length));
    this.doc = list[0];
    for (const [i, d] of list.entries()) {
      for (const e of d.errors) {
        this.syntax.push(problemFor(e.code, e.message, e.pos[0], e.pos[1]));
      }
      this.syntax.push(...checkKeys(d));
      if (i > 0) {
        const start = d.range[0];
        this.syntax.push({ span: { start, end: Math.min(text.length, start + 3) }, message: msg('yaml.multiple-documents', { n: i + 1 }) });
      }
    }
    let data: unknown = null;
    if (this.doc) {
      try {
        data = this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (e) {
        const bomb = e instanceof ReferenceError && /alias/i.test(e.message);
        this.syntax.push({ span: { start: 0, end: 0 }, message: msg(bomb ? 'yaml.aliases' : 'yaml.too-deep') });
        data = null;
      }
    }
    this.data = data;
  }

  span(path: JsonPath, part: 'key' | 'value'): Span | undefined {
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

/**
 * The keys of every mapping of a document, in one pass: a key defined twice (as
 * the parser's own `uniqueKeys` check would say: equal values, or the same text
 * and type; empty keys never, since `: a` / `: b` are two entries with missing
 * keys, which YAML allows), and a list or mapping used as a key. Such a key is
 * removed: turned into data it would be printed as YAML, at a cost that grows
 * with its size at every level it is nested in (300 nested `{` took 21 s), and a
 * plan's keys are text.
 */
function checkKeys(doc: Document): SyntaxProblem[] {
  const Y = yaml();
  const out: SyntaxProblem[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (Y.isMap(node)) {
      const seen = new Set<string>();
      let dropped = false;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const target = Y.isAlias(key) ? key.resolve(doc) : key;
        if (Y.isCollection(target)) {
          const r = (key as Node).range;
          out.push({ span: { start: r?.[0] ?? 0, end: r?.[1] ?? 0 }, message: msg('yaml.collection-key') });
          dropped = true;
          continue;
        }
        if (Y.isScalar(key) && key.value !== null && key.value !== undefined) {
          const id = typeof key.value + ':' + String(key.value);
          if (seen.has(id)) {
            const start = key.range?.[0] ?? 0;
            out.push({ span: { start, end: start + 1 }, message: msg('yaml.duplicate-key') });
          } else seen.add(id);
        }
        stack.push(pair.value);
      }
      if (dropped) node.items = node.items.filter((p) => !Y.isCollection(Y.isAlias(p.key) ? p.key.resolve(doc) : p.key));
    } else if (Y.isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return out;
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
