/**
 * Quick fixes for the syntax problems that have an obvious repair
 * (`data.syntax` of a yaml-syntax finding):
 *
 * - a repeated key: its line and the lines indented below it removed (the
 *   first occurrence is the one YAML readers disagree least about);
 * - tabs in the indentation: the line indented with spaces instead, as wide as
 *   makes the file parse (two or four spaces a tab, or the indentation of the
 *   line above it, or two more).
 *
 * A candidate is offered only if the text it makes has fewer syntax problems
 * than now (the file is parsed again), so a fix never trades one error for another.
 */
import type { Locale } from '../i18n/messages';
import { parseYaml } from '../parse/yaml-file';
import type { FileModel } from '../plan/model';
import { text, type FileEdit } from './context';
import type { FixableFinding, QuickFix } from './quick-fixes';

function lineStartOf(t: string, offset: number): number {
  return t.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(t: string, offset: number): number {
  const i = t.indexOf('\n', offset);
  return i < 0 ? t.length : i;
}

function applied(t: string, e: FileEdit): string {
  return t.slice(0, e.start) + e.newText + t.slice(e.end);
}

/** The edit, if the text it makes parses with fewer problems. */
function verified(model: FileModel, edit: FileEdit): FileEdit | undefined {
  const after = parseYaml(model.path, applied(model.parsed.text, edit));
  return after.syntax.length < model.parsed.syntax.length ? edit : undefined;
}

function duplicateKeyFix(model: FileModel, f: FixableFinding, locale: Locale): QuickFix[] {
  const t = model.parsed.text;
  const start = lineStartOf(t, f.span.start);
  // Only a key that starts its line (block mapping); a flow mapping's is left alone.
  if (t.slice(start, f.span.start).trim() !== '') return [];
  const column = f.span.start - start;
  let end = lineEndOf(t, f.span.start);
  // The lines of its value: blank lines, and lines indented deeper than the key.
  for (let next = end + 1; next < t.length; ) {
    const e = lineEndOf(t, next);
    const line = t.slice(next, e).replace(/\r$/, '');
    if (line.trim() !== '' && line.length - line.trimStart().length <= column) break;
    if (line.trim() !== '') end = e;
    next = e + 1;
  }
  const key = /^[^:\s]+/.exec(t.slice(f.span.start, lineEndOf(t, f.span.start)))?.[0] ?? '';
  const edit = verified(model, { file: model.path, start, end: Math.min(t.length, end + 1), newText: '' });
  return edit ? [{ title: text(locale, `删除重复的键 \`${key}\``, `Remove the repeated \`${key}\``), edits: [edit], preferred: true }] : [];
}

function tabIndentFix(model: FileModel, f: FixableFinding, locale: Locale): QuickFix[] {
  const t = model.parsed.text;
  const start = lineStartOf(t, f.span.start);
  const indent = /^[ \t]*/.exec(t.slice(start, lineEndOf(t, start)))![0];
  if (!indent.includes('\t')) return [];
  // The indentation of the nearest line above with content.
  let above = '';
  for (let s = start - 1; s > 0; ) {
    const ls = lineStartOf(t, s);
    const line = t.slice(ls, s).replace(/\r$/, '');
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      above = /^ */.exec(line)![0];
      break;
    }
    s = ls - 1;
  }
  const widths = [indent.replace(/\t/g, '  '), indent.replace(/\t/g, '    '), above, above + '  '];
  for (const spaces of [...new Set(widths)]) {
    const edit = verified(model, { file: model.path, start, end: start + indent.length, newText: spaces });
    if (edit) return [{ title: text(locale, '改用空格缩进', 'Indent with spaces'), edits: [edit], preferred: true }];
  }
  return [];
}

export function syntaxFixes(model: FileModel, f: FixableFinding, locale: Locale): QuickFix[] {
  if (f.code !== 'yaml-syntax') return [];
  if (f.data?.syntax === 'duplicate-key') return duplicateKeyFix(model, f, locale);
  if (f.data?.syntax === 'tab-indent') return tabIndentFix(model, f, locale);
  return [];
}
