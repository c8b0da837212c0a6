/**
 * The values a quick fix writes for a key it adds (a missing required key, a
 * new entry's fields), in two forms:
 *
 * - plain, for any editor: what the fix cannot know is `待补充`, which the
 *   `placeholder` rule reports until it is replaced — never a value that passes
 *   (a year, a unit, an enum value would look decided); only what the schema
 *   fixes (`apiVersion: pilot-plan/v1`) is written out;
 * - a snippet (LSP snippet syntax), for an editor that takes snippet edits: a
 *   tab stop at each such value, a choice of the allowed values for an enum,
 *   the plan's years as the defaults of years.
 */
import { yamlScalar } from '../../common/yaml-scalar';
import { yearsOf } from '../indicators';
import { PLACEHOLDER_TEXT } from '../placeholders';
import type { EditorPlan } from './context';
import type { SchemaView } from './schema-info';

export interface PlanYearsLite {
  base: number;
  targets: number[];
}

/** The plan's years for the defaults of years, with the programme's usual ones where the plan gives none. */
export function placeholderYears(plan: EditorPlan): PlanYearsLite {
  const settings = plan.index.settings;
  const years = settings ? yearsOf(settings.data) : undefined;
  return { base: years?.baseYear ?? 2020, targets: years?.targetYears.length ? years.targetYears : [2025, 2030] };
}

/** Text in a snippet stands for itself once `$`, `}` and `\` are escaped. */
function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

/** A choice's item also escapes its separators. */
function escapeChoice(s: string): string {
  return s.replace(/[$}\\,|]/g, '\\$&');
}

export class ValueWriter {
  private stops = 0;

  constructor(readonly snippet: boolean) {}

  /** Tab stops written so far (a plain writer writes none). */
  get slots(): number {
    return this.stops;
  }

  /** Text as it is. */
  lit(s: string): string {
    return this.snippet ? escapeSnippet(s) : s;
  }

  /** A value to decide: `待补充` plainly; a tab stop with a default or a choice in a snippet. */
  slot(opts: { default?: string; choices?: string[] } = {}): string {
    if (!this.snippet) return PLACEHOLDER_TEXT;
    const n = ++this.stops;
    if (opts.choices?.length) return `\${${n}|${opts.choices.map(escapeChoice).join(',')}|}`;
    return `\${${n}:${escapeSnippet(opts.default ?? PLACEHOLDER_TEXT)}}`;
  }

  /** The value for `key` (its schema `view`), as YAML text: one line, or block lines below the key. */
  value(view: SchemaView, key: string, years: PlanYearsLite, column: number, nl: string, depth = 0): string {
    const values = view.enumValues;
    const isConst = values?.length === 1 && view.nodes.some((n) => 'const' in n.schema);
    if (isConst) return this.lit(yamlScalar(values![0].value));
    if (values?.length) return this.slot({ choices: values.map((v) => yamlScalar(v.value)) });
    const types = view.types;
    if (types.includes('boolean')) return this.slot({ choices: ['true', 'false'] });
    if (types.includes('integer') && view.nodes.some((n) => n.schema.minimum === 1900)) {
      return this.slot({ default: String(key === 'baseYear' || key === 'year' ? years.base : years.targets[years.targets.length - 1]) });
    }
    if (types.includes('array')) {
      if (key === 'targetYears') return this.lit('[') + this.slot({ default: years.targets.join(', ') }) + this.lit(']');
      if (key === 'targets' && view.items.types.includes('object')) {
        // One row to fill plainly; a row per target year in a snippet.
        const pad = ' '.repeat(column + 2);
        const rows: (number | undefined)[] = this.snippet ? years.targets : [undefined];
        return rows
          .map((y) => this.lit(`${nl}${pad}- { year: `) + this.slot({ default: y === undefined ? undefined : String(y) }) + this.lit(', value: ') + this.slot() + this.lit(' }'))
          .join('');
      }
      return this.lit('[') + this.slot() + this.lit(']');
    }
    if (types.includes('object')) {
      const req = view.required;
      const scalars = req.every((k) => !view.child(k).types.some((t) => t === 'object' || t === 'array'));
      if (scalars && req.length <= 4) return this.lit('{ ') + req.map((k) => this.lit(`${k}: `) + this.value(view.child(k), k, years, column, nl, depth + 1)).join(this.lit(', ')) + this.lit(' }');
      if (depth > 2) return this.lit('{}');
      const pad = ' '.repeat(column + 2);
      return req.map((k) => this.lit(`${nl}${pad}${k}: `) + this.value(view.child(k), k, years, column + 2, nl, depth + 1)).join('');
    }
    if (key === 'apiVersion') return this.lit('pilot-plan/v1');
    return this.slot();
  }
}
