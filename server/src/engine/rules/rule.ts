/**
 * What a rule is. One rule = one module in this folder + docs/rules/<code>.md
 * + its tests. A rule reports spans and messages; the runner adds the code,
 * applies the plan's severity settings and the suppression comments.
 */
import type { FindingData, RuleCode, Severity, SeveritySetting, Span } from '../findings';
import type { LocalText, Message } from '../i18n/messages';
import type { FileModel } from '../plan/model';
import type { PlanView } from '../plan/plan-view';
import type { ItemValidation } from '../schema/item-validation';

export interface Report {
  file: string;
  span: Span;
  message: Message;
  data?: FindingData;
  /** A milder severity for this finding than the rule's default; a severity set in the plan's configuration applies to every finding of the rule instead. */
  severity?: Severity;
}

export interface RuleContext {
  /**
   * The plan as rules see it (plan-view.ts): of files other than the one a
   * file rule checks, and in plan rules of every file but the Plan files,
   * entry fields only through `entryField`.
   */
  plan: PlanView;
  report(r: Report): void;
  /** Item-by-item schema validation that keeps unchanged items' errors: the language server's, across edits. */
  itemValidation?: ItemValidation;
}

export interface Rule {
  code: RuleCode;
  defaultSeverity: SeveritySetting;
  /** One line on what the rule finds, for the rule table and editor UI. */
  title: LocalText;
  /**
   * `file` rules look at one file (re-run only for the edited file);
   * `plan` rules look across the plan (re-run on every change to it, cheaply,
   * from the index, without parsing).
   */
  scope: 'file' | 'plan';
  /** Plan rules that only make sense inside a plan (references, totals) skip loose files. */
  needsPlan?: boolean;
  checkFile?(file: FileModel, ctx: RuleContext): void;
  checkPlan?(ctx: RuleContext): void;
}
