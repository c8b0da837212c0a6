/**
 * `# pilot-plan-disable-next-line [code …]` silences findings that start on
 * the next line: the codes named (comma or space separated), or all of them.
 */
import type { ParsedFile } from './parse/parsed-file';

const DIRECTIVE = /#\s*pilot-plan-disable-next-line\b([^\n\r#]*)/g;

/** 0-based line → codes silenced there ('*' for all). */
export function suppressionsOf(file: ParsedFile): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const text = file.text;
  if (!text.includes('pilot-plan-disable-next-line')) return out;
  for (const m of text.matchAll(DIRECTIVE)) {
    const line = file.lines.positionAt(m.index!).line + 1;
    const codes = m[1].split(/[\s,]+/).filter(Boolean);
    const set = out.get(line) ?? new Set<string>();
    if (codes.length === 0) set.add('*');
    for (const c of codes) set.add(c);
    out.set(line, set);
  }
  return out;
}
