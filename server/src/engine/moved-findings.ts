/**
 * Findings carried through an edit of one file without running their rules
 * again: each place in the edited file (a finding's span, or a related place
 * of a finding in any file) moves with the text, when it lies on lines the
 * edit did not touch.
 *
 * For the plan rules whose findings depend only on the plan's structure
 * (rule.ts, planInputs): after an edit that keeps the structure, their
 * findings are the same ones, at the places where the same text now is. They
 * report at scalars (an ID, a reference, a key), whose places depend on their
 * own line only; a finding on a changed line makes the caller run the rules.
 * In a plan with 24,000 duplicate IDs, running them again after every
 * keystroke in a file with findings took a quarter of a second.
 */
import type { Finding } from './findings';
import { lineChange, moveSpan } from './text/line-change';

/**
 * The findings by file after `file`'s text went from `before` to `after`:
 * the same map when nothing in it points into the file, otherwise a copy in
 * which the lists that do are replaced (their findings that point into the
 * file made anew, the others kept). Undefined when a place in the file is on
 * a changed line.
 */
export function moveFindings(findings: Map<string, Finding[]>, file: string, before: string, after: string): Map<string, Finding[]> | undefined {
  const change = lineChange(before, after);
  if (!change) return findings;
  let out: Map<string, Finding[]> | undefined;
  for (const [path, list] of findings) {
    let moved: Finding[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const f = list[i];
      const own = path === file;
      const related = f.data?.related;
      const relatedHere = related?.some((r) => r.file === file) ?? false;
      if (!own && !relatedHere) continue;
      const span = own ? moveSpan(f.span, change) : f.span;
      if (!span) return undefined;
      let next = f;
      if (relatedHere) {
        const places = [];
        for (const r of related!) {
          const s = r.file === file ? moveSpan(r.span, change) : r.span;
          if (!s) return undefined;
          places.push(s === r.span ? r : { ...r, span: s });
        }
        next = { ...f, span, data: { ...f.data, related: places } };
      } else if (span !== f.span) {
        next = { ...f, span };
      }
      if (next === f) continue;
      moved ??= list.slice();
      moved[i] = next;
    }
    if (moved) (out ??= new Map(findings)).set(path, moved);
  }
  return out ?? findings;
}
