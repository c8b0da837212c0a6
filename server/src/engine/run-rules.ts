/**
 * Runs the rules over a plan and turns their reports into findings:
 * severity from the plan's configuration, suppression comments applied,
 * and in a file that does not parse only its yaml-syntax findings kept
 * (positions in a broken file would mislead).
 */
import type { Finding, RuleCode, Severity } from './findings';
import { compareFindings, MAX_RELATED } from './findings';
import type { FileModel } from './plan/model';
import type { PlanIndex } from './plan/plan-index';
import type { Report, Rule, RuleContext } from './rules/rule';
import type { ItemValidation } from './schema/item-validation';
import { RULES } from './rules/registry';
import { suppressionsOf } from './suppressions';
import { defineMessages, msg } from './i18n/messages';

export type RuleErrorHandler = (rule: Rule, error: unknown) => void;

/** Milliseconds spent in each rule, summed over files and plans, when someone asks (PILOT_PLAN_TIMING). */
export type RuleTimes = Map<RuleCode, number>;

const defaultOnError: RuleErrorHandler = (rule, error) => {
  // A rule's bug must not hide the other rules' findings.
  const text = `pilot-plan: internal error in rule ${rule.code}: ${(error as Error)?.stack ?? error}`;
  // A web worker has no process: its console is the nearest thing to standard error.
  if (typeof process !== 'undefined' && process.stderr) process.stderr.write(`${text}\n`);
  else console.error(text);
};

function severityOf(rule: Rule, plan: PlanIndex): Severity | undefined {
  const s = plan.config.severities.get(rule.code) ?? rule.defaultSeverity;
  return s === 'off' ? undefined : s;
}

/** A rule's data with at most MAX_RELATED related places and the one that counts the rest (rules list no more; this holds any that would). */
function boundedData(data: Report['data']): Report['data'] {
  const related = data?.related;
  return related && related.length > MAX_RELATED + 1 ? { ...data, related: related.slice(0, MAX_RELATED + 1) } : data;
}

function collect(rule: Rule, plan: PlanIndex, into: (f: Finding) => void, run: (ctx: RuleContext) => void, onError: RuleErrorHandler, times?: RuleTimes, itemValidation?: ItemValidation) {
  const severity = severityOf(rule, plan);
  if (!severity) return;
  const configured = plan.config.severities.has(rule.code);
  const ctx: RuleContext = {
    plan,
    report: (r: Report) => into({ code: rule.code, severity: r.severity && !configured ? r.severity : severity, file: r.file, span: r.span, message: r.message, data: boundedData(r.data) }),
    itemValidation,
  };
  const t0 = times ? performance.now() : 0;
  try {
    run(ctx);
  } catch (e) {
    onError(rule, e);
  }
  if (times) times.set(rule.code, (times.get(rule.code) ?? 0) + performance.now() - t0);
}

/** Findings of the file-scope rules for one file. `itemValidation`: the language server's (rule.ts). */
export function runFileRules(plan: PlanIndex, file: FileModel, onError = defaultOnError, rules: readonly Rule[] = RULES, times?: RuleTimes, itemValidation?: ItemValidation): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (rule.scope !== 'file' || !rule.checkFile) continue;
    collect(rule, plan, (f) => out.push(f), (ctx) => rule.checkFile!(file, ctx), onError, times, itemValidation);
  }
  return out;
}

/** Findings of the plan-scope rules, by file. */
export function runPlanRules(plan: PlanIndex, onError = defaultOnError, rules: readonly Rule[] = RULES, times?: RuleTimes): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const add = (f: Finding) => {
    const list = out.get(f.file);
    if (list) list.push(f);
    else out.set(f.file, [f]);
  };
  for (const rule of rules) {
    if (rule.scope !== 'plan' || !rule.checkPlan) continue;
    if (rule.needsPlan && !plan.root) continue;
    collect(rule, plan, add, (ctx) => rule.checkPlan!(ctx), onError, times);
  }
  return out;
}

/**
 * Findings a file gets at most: the first ones in the file, and one more that
 * says how many were left out (a flow list of 130,000 commas made 125,000
 * findings, more than anyone reads and than some outputs could print).
 */
export const MAX_FINDINGS_PER_FILE = 1000;

defineMessages({
  'findings.more': {
    en: '{count} more findings in this file are not listed (the first {shown} are). Fix those and check again.',
    zh: '本文件另有 {count} 条问题未列出（已列出前 {shown} 条）。请先修正已列出的问题，再重新检查。',
  },
});

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The first findings (sorted) and one for the rest: at the first of them, with their most common code and worst severity. */
function capped(findings: Finding[]): Finding[] {
  const shown = MAX_FINDINGS_PER_FILE - 1;
  const rest = findings.slice(shown);
  const codes = new Map<RuleCode, number>();
  let severity: Severity = 'info';
  for (const f of rest) {
    codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[severity]) severity = f.severity;
  }
  let code = rest[0].code;
  for (const [c, n] of codes) if (n > codes.get(code)!) code = c;
  const count = { en: rest.length.toLocaleString('en-US'), zh: String(rest.length) };
  const more: Finding = { code, severity, file: rest[0].file, span: rest[0].span, message: msg('findings.more', { count, shown }) };
  return findings.slice(0, shown).concat(more);
}

/** Suppressions, the broken-file filter, a stable order and the cap, for one file's findings. */
export function finalize(file: FileModel, findings: Finding[]): Finding[] {
  if (!findings.length) return findings; // a clean file: no need to look for suppression comments
  const broken = file.parsed.syntax.length > 0;
  const suppressed = suppressionsOf(file.parsed);
  const kept = findings.filter((f) => {
    if (broken && f.code !== 'yaml-syntax') return false;
    if (suppressed.size) {
      const codes = suppressed.get(file.parsed.lines.positionAt(f.span.start).line);
      if (codes && (codes.has('*') || codes.has(f.code))) return false;
    }
    return true;
  });
  kept.sort(compareFindings);
  return kept.length > MAX_FINDINGS_PER_FILE ? capped(kept) : kept;
}

/**
 * All findings for the given files of a plan (the whole plan by default), over whole models: the
 * reference the checker's streaming route (checker.ts) is tested against.
 */
export function checkPlan(plan: PlanIndex, files: FileModel[] = plan.files, onError = defaultOnError): Map<string, Finding[]> {
  const planFindings = runPlanRules(plan, onError);
  const out = new Map<string, Finding[]>();
  for (const file of files) {
    const all = runFileRules(plan, file, onError).concat(planFindings.get(file.path) ?? []);
    out.set(file.path, finalize(file, all));
  }
  return out;
}
