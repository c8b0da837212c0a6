/**
 * Test helpers for the command line: run the BUILT checker (dist/cli.js) as a
 * child process, as CI runs it. `npm test` builds first; run `node build.mjs`
 * before `npx mocha` by hand.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { repoRoot } from '../util/plan';

export const ROOT = repoRoot();
export const CLI = nodePath.join(ROOT, 'dist', 'cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** An environment in English whatever the machine's: no locale variables, no colour forcing, no timings. */
export function englishEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE', 'FORCE_COLOR', 'NO_COLOR', 'PILOT_PLAN_TIMING']) delete env[k];
  return { ...env, ...extra };
}

/**
 * Runs `node dist/cli.js ARGS…` (cwd: the repository unless given) and checks
 * what every run must satisfy: it ends, with a status docs/format.md lists, and
 * never prints a stack trace.
 */
export function cli(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} does not exist: run \`node build.mjs\` first (npm test does)`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    env: englishEnv(opts.env),
    encoding: 'utf8',
    timeout: 20000,
    maxBuffer: 1 << 28, // a report of a file with 100,000 findings runs to tens of megabytes
  });
  if (r.error) throw r.error;
  const result = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  assertNoStack(result);
  assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `unexpected exit status ${r.status}; stderr:\n${r.stderr}`);
  return result;
}

export function assertNoStack(r: CliResult): void {
  for (const text of [r.stderr, r.stdout]) {
    assert.doesNotMatch(text, /^\s+at .+[:(].*\d+:\d+\)?$/m, `a stack trace was printed:\n${text}`);
    assert.doesNotMatch(text, /internal error|TypeError|ReferenceError|SyntaxError: /, `an internal error was printed:\n${text}`);
  }
}

/** Runs `pilot-plan check ARGS…`. */
export function check(args: string[], opts: Parameters<typeof cli>[1] = {}): CliResult {
  return cli(['check', ...args], opts);
}

/** Runs `pilot-plan check ARGS… --format json` and parses the report. */
export function cliJson(args: string[], opts: Parameters<typeof cli>[1] = {}): { result: CliResult; report: JsonReport } {
  const result = check([...args, '--format', 'json'], opts);
  let report: JsonReport;
  try {
    report = JSON.parse(result.stdout) as JsonReport;
  } catch (e) {
    throw new Error(`--format json printed no JSON (${(e as Error).message}):\n${result.stdout}\n${result.stderr}`);
  }
  return { result, report };
}

export interface JsonFinding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonReport {
  files: { path: string; findings: JsonFinding[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

/** A fresh temporary folder with the given files (paths with `/`); removed by `cleanup`. */
export function tempTree(files: Record<string, string>, dirs: string[] = []): string {
  const root = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-cli-'));
  for (const d of dirs) fs.mkdirSync(nodePath.join(root, ...d.split('/')), { recursive: true });
  for (const [p, text] of Object.entries(files)) {
    const abs = nodePath.join(root, ...p.split('/'));
    fs.mkdirSync(nodePath.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return root;
}

export function cleanup(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A small XML well-formedness check, enough for the JUnit report: one root,
 * tags balanced, attributes quoted, no raw `<` or stray `&` in text or values.
 * Returns the elements with their attributes and text, in document order.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlElement[];
}

function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp']!;
  });
}

export function parseXml(xml: string): XmlElement {
  let s = xml.replace(/^\uFEFF/, '');
  const decl = /^<\?xml [^?]*\?>\s*/.exec(s);
  if (decl) s = s.slice(decl[0].length);
  const badText = (t: string) => /<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(t);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '<') {
      const next = s.indexOf('<', i);
      const text = s.slice(i, next < 0 ? s.length : next);
      if (!stack.length) {
        if (text.trim()) throw new Error(`text outside the root element: ${JSON.stringify(text.slice(0, 40))}`);
      } else {
        if (badText(text)) throw new Error(`unescaped markup in text: ${JSON.stringify(text.slice(0, 80))}`);
        stack[stack.length - 1].text += decodeXml(text);
      }
      i = next < 0 ? s.length : next;
      continue;
    }
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(s.slice(i));
    if (close) {
      const top = stack.pop();
      if (!top || top.name !== close[1]) throw new Error(`</${close[1]}> closes <${top?.name}>`);
      i += close[0].length;
      continue;
    }
    const open = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(s.slice(i));
    if (!open) throw new Error(`malformed tag at ${i}: ${JSON.stringify(s.slice(i, i + 60))}`);
    const el: XmlElement = { name: open[1], attrs: {}, text: '', children: [] };
    for (const m of open[2].matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const raw = m[2] ?? m[3];
      if (badText(raw)) throw new Error(`unescaped markup in attribute ${m[1]}: ${raw}`);
      if (m[1] in el.attrs) throw new Error(`attribute ${m[1]} twice`);
      el.attrs[m[1]] = decodeXml(raw);
    }
    if (stack.length) stack[stack.length - 1].children.push(el);
    else if (root) throw new Error('more than one root element');
    else root = el;
    if (!open[3]) stack.push(el);
    i += open[0].length;
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(visit);
  };
  visit(el);
  return out;
}
