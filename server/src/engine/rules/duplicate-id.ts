/**
 * duplicate-id: an ID defined more than once in a plan, reported on every definition.
 *
 * Quick fix (data.fixes): rename this definition to an ID no entry of the plan
 * has (the number after its last hyphen counted up, keeping its width, or `-2`, `-3`, …
 * added), a different one for each definition. References keep the old ID.
 */
import { displayPath } from '../display-path';
import { MAX_RELATED, type RuleFix } from '../findings';
import { defineMessages, msg, kindsArg, KIND_NAMES } from '../i18n/messages';
import { idSpan } from '../plan/model';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';

defineMessages({
  'duplicate-id': {
    en: 'ID `{id}` is defined {count} times in this plan (also as {otherKind} in {otherFile}). IDs must be unique across the plan, whatever their kind: rename one.',
    zh: 'ID `{id}` 在本方案中定义了 {count} 次（另见 {otherFile} 中的{otherKind}）。方案内 ID 必须唯一（不分类型），请重命名其一。',
  },
  'duplicate-id.related': { en: 'Another definition of `{id}`', zh: '`{id}` 的另一处定义' },
  'duplicate-id.more': { en: '… and {count} more definitions of `{id}`', zh: '……另有 {count} 处 `{id}` 的定义' },
  'duplicate-id.fix.rename': { en: 'Rename this {kind} to `{id}`', zh: '将此{kind}重命名为 `{id}`' },
});

/** IDs that could replace `id`, in order: its number after its last hyphen counted up (same width), else `-2`, `-3`, …. */
function* freshIds(id: string): Generator<string> {
  const m = /^(.*?)(\d+)$/.exec(id);
  if (m && m[1].endsWith('-')) {
    for (let n = Number(m[2]) + 1; ; n++) yield m[1] + String(n).padStart(m[2].length, '0');
  }
  for (let n = 2; ; n++) yield `${id}-${n}`;
}

function renameFix(d: { kind: string; path: (string | number)[] }, to: string): RuleFix {
  return { title: msg('duplicate-id.fix.rename', { kind: KIND_NAMES[d.kind] ?? d.kind, id: to }), changes: [{ op: 'set', path: [...d.path, 'id'], value: to }] };
}

export const duplicateId: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  scope: 'plan',
  title: { en: 'An ID defined more than once in a plan', zh: '方案内 ID 重复定义' },
  checkPlan(ctx) {
    // A file's path as shown is made once: a copied folder repeats every ID of hundreds of files.
    const shown = new Map<string, string>();
    const show = (file: string) => {
      let s = shown.get(file);
      if (s === undefined) shown.set(file, (s = displayPath(ctx.plan.root, file)));
      return s;
    };
    // Every ID of the plan, made once and only when there are duplicates: new IDs must be free.
    let used: Set<string> | undefined;
    // Each ID's candidates go on where the last definition's stopped: a copied plan repeats one ID thousands of times.
    const candidates = new Map<string, Generator<string>>();
    const freeId = (id: string): string => {
      used ??= new Set(ctx.plan.allDefinitions().map((e) => e.id));
      let next = candidates.get(id);
      if (!next) candidates.set(id, (next = freshIds(id)));
      for (let c = next.next(); !c.done; c = next.next()) {
        if (used.has(c.value)) continue;
        used.add(c.value);
        return c.value;
      }
      return id; // unreachable: the candidates never end
    };
    for (const defs of ctx.plan.duplicates) {
      const id = defs[0].id;
      if (isPlaceholder(id)) continue; // IDs not written yet: the placeholder rule reports each
      const spans = defs.map((d) => ({ d, span: idSpan(ctx.plan.file(d.file)!.parsed, d) }));
      const n = spans.length;
      // Each definition lists the nearest others (a window around it), and counts the rest in one more place.
      const listed = Math.min(n - 1, MAX_RELATED);
      for (let i = 0; i < n; i++) {
        const { d, span } = spans[i];
        const other = spans[i === 0 ? 1 : 0];
        const from = Math.max(0, Math.min(i - (listed >> 1), n - 1 - listed));
        const related = [];
        for (let k = from; k <= from + listed; k++) {
          if (k !== i) related.push({ file: spans[k].d.file, span: spans[k].span, message: msg('duplicate-id.related', { id }) });
        }
        if (listed < n - 1) {
          const rest = n - 1 - listed;
          const next = spans[from + listed + 1] ?? spans[from - 1];
          related.push({ file: next.d.file, span: next.span, message: msg('duplicate-id.more', { id, count: { en: rest.toLocaleString('en-US'), zh: String(rest) } }) });
        }
        ctx.report({
          file: d.file,
          span,
          message: msg('duplicate-id', { id, count: n, otherKind: kindsArg([other.d.kind]), otherFile: show(other.d.file) }),
          data: { related, fixes: [renameFix(d, freeId(id))] },
        });
      }
    }
  },
};
