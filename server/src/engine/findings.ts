/**
 * What the engine reports. A finding is located by offsets into its file's
 * text; output layers (CLI formats, LSP) turn offsets into lines and columns.
 */
import type { Message } from './i18n/messages';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const RULE_CODES = [
  'yaml-syntax',
  'schema',
  'api-version',
  'duplicate-id',
  'duplicate-plan',
  'unresolved-reference',
  'reference-kind',
  'dependency-cycle',
  'target-direction',
  'value-range',
  'unit-mismatch',
  'year-range',
  'structure-sum',
  'progress-year',
  'orphan',
  'investment-total',
  'peak-year',
  'peak-path',
  'placeholder',
  'indicator-behind',
  'progress-investment',
  'national-target',
  'milestone-year',
  'task-status-timing',
  'not-in-plan',
  'pilot-list',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export function isRuleCode(s: string): s is RuleCode {
  return (RULE_CODES as readonly string[]).includes(s);
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Related places a finding lists at most: a rule that has more says how many
 * in one more place (a plan that copies one entry 4,000 times listed every
 * other copy at each: 16 million places, 23 s and 2 GB).
 */
export const MAX_RELATED = 20;

/** Extra facts a finding carries for editors: quick fixes and related places. */
export interface FindingData {
  /** "Did you mean" replacements for the text at the span. */
  suggestions?: string[];
  /** Keys missing from the mapping at `path`: required ones, or one a rule asks for (a Progress task's `note`). */
  missingKeys?: string[];
  /** The JSON path of the offending node, where known. */
  path?: (string | number)[];
  /** The value the node at the span should hold, as data (a number stays a number): a quick fix writes it. */
  replaceWith?: string | number;
  /** An unresolved reference: the ID and the kinds it may have. */
  unresolved?: { id: string; kinds: string[] };
  /** Other places that matter (other definitions of a duplicate ID, …). */
  related?: { file: string; span: Span; message: Message }[];
  /** Fixes the rule knows, for the editor's quick fixes (editor/rule-fixes.ts). */
  fixes?: RuleFix[];
  /** The kind of a syntax problem that has a quick fix (editor/syntax-fixes.ts). */
  syntax?: 'duplicate-key' | 'tab-indent';
}

/**
 * A fix a rule offers: changes to values by their JSON path, all applied
 * together (paths, not offsets, so that the fix still applies after other
 * edits); or a place to show; or the file moved. The editor turns it into text edits.
 */
export interface RuleFix {
  /** What the fix does, as the quick fix's title. */
  title: Message;
  changes?: ValueChange[];
  /** Open this place instead of editing (e.g. the `direction` a target goes against). */
  show?: { path: (string | number)[]; file?: string };
  /** Move the finding's file to this path (absolute, like the file's). */
  moveTo?: string;
}

export interface ValueChange {
  /** `set`: write `value` at `path` (the key must exist); `remove`: remove the list item or key at `path`. */
  op: 'set' | 'remove';
  path: (string | number)[];
  value?: string | number | boolean | (string | number)[];
  /** The file, when not the finding's own. */
  file?: string;
}

export interface Finding {
  code: RuleCode;
  severity: Severity;
  /** The file's key: an absolute path (CLI) or a path derived from the editor's URI. */
  file: string;
  span: Span;
  message: Message;
  data?: FindingData;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code);
}
