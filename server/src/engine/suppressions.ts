/**
 * `# pilot-plan-disable-next-line [code …]` silences findings that start on
 * the next line: the codes named (comma or space separated), or all of them.
 * Only a real YAML comment counts, as `yaml`'s lexer finds comments: the same
 * words inside a block scalar, a quoted string or a plain scalar are text.
 */
import type * as YamlLib from 'yaml';
import type { ParsedFile } from './parse/parsed-file';

// Loaded on first use: only a file that holds the directive's words needs the lexer.
let yamlLib: typeof YamlLib | undefined;
const yaml = (): typeof YamlLib => (yamlLib ??= require('yaml') as typeof YamlLib);

const WORDS = 'pilot-plan-disable-next-line';
const DIRECTIVE = /^#\s*pilot-plan-disable-next-line\b([^\n\r#]*)/;
/** Tokens the lexer adds that are not in the text: document start, end of a flow in error, scalar follows. */
const DOC = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';

/** 0-based line → codes silenced there ('*' for all). */
export function suppressionsOf(file: ParsedFile): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const text = file.text;
  if (!text.includes(WORDS)) return out;
  let offset = 0;
  let scalarNext = false;
  for (const token of new (yaml().Lexer)().lex(text)) {
    if (token === DOC || token === FLOW_END || token === SCALAR) {
      scalarNext = token === SCALAR;
      continue;
    }
    // A token after the scalar marker is a scalar's text (a block scalar's lines may start with #).
    const m = !scalarNext && token.charCodeAt(0) === 35 /* # */ ? DIRECTIVE.exec(token) : null;
    if (m) {
      const line = file.lines.positionAt(offset).line + 1;
      const codes = m[1].split(/[\s,]+/).filter(Boolean);
      const set = out.get(line) ?? new Set<string>();
      if (codes.length === 0) set.add('*');
      for (const c of codes) set.add(c);
      out.set(line, set);
    }
    scalarNext = false;
    offset += token.length;
  }
  return out;
}
