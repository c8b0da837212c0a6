/**
 * Diagnostics: the engine's findings as LSP diagnostics, checked after a
 * debounce, superseded by newer edits, published only where they changed.
 *
 * A check of a plan runs in steps (sync the changed files → file rules of
 * the files whose cache is stale → plan rules → publish), yielding to the
 * event loop between them; a newer edit bumps the plan's generation and the
 * older check stops at its next step.
 */
import * as nodePath from 'node:path';
import {
  DiagnosticSeverity,
  type Connection,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import type { Finding } from '../engine/findings';
import { formatMessage, type Locale } from '../engine/i18n/messages';
import { CONFIG_FILE_NAME } from '../engine/plan/config';
import { LineIndex } from '../engine/text/line-index';
import { lenientUtf8Text } from '../engine/parse/bytes';
import type { PlanSession, PlanState } from './plan-session';
import { PLAN_TREE_CHANGED_NOTIFICATION, STATUS_NOTIFICATION, type PlanTreeChangedParams, type StatusParams } from './protocol';
import { toRange } from './convert';

export const DOCS_BASE = 'https://github.com/pilot-plan/pilot-plan/blob/main/docs/rules/';

/** A rule's page; for a Chinese reader at its Chinese part (each page marks it `<a id="zh-cn">`). */
export function ruleDocHref(code: string, locale: Locale): string {
  return `${DOCS_BASE}${code}.md${locale === 'zh-CN' ? '#zh-cn' : ''}`;
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The lines of the file a related location points into: from the plan being checked, else the session's model. */
function relatedLines(file: string, session: PlanSession, state: PlanState | undefined): LineIndex | undefined {
  return (state?.index.file(file) ?? session.model(file))?.parsed.lines;
}

export function toDiagnostic(f: Finding, lines: LineIndex, locale: Locale, session: PlanSession, state: PlanState | undefined): Diagnostic {
  const d: Diagnostic = {
    range: toRange(lines, f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocHref(f.code, locale) },
    source: 'pilot-plan',
    message: formatMessage(f.message, locale),
  };
  const related = f.data?.related;
  if (related?.length) {
    const info: DiagnosticRelatedInformation[] = [];
    for (const r of related) {
      const lines = relatedLines(r.file, session, state);
      if (!lines) continue;
      info.push({ location: { uri: session.uriOf(r.file), range: toRange(lines, r.span) }, message: formatMessage(r.message, locale) });
    }
    if (info.length) d.relatedInformation = info;
  }
  if (f.data) {
    const { related: _related, ...rest } = f.data;
    void _related;
    d.data = { ...rest, code: f.code };
  } else d.data = { code: f.code };
  return d;
}

export interface CheckCounts {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** A finished check of a plan: its counts and the files it checked. */
export interface CheckResult extends CheckCounts {
  paths: string[];
}

/** The shortest wait after an edit: a burst of keystrokes still makes one check. */
const MIN_DEBOUNCE_MS = 10;

// A web worker has no setImmediate; a timer there, after the rest of what is queued.
const tick = typeof setImmediate === 'function' ? () => new Promise<void>((resolve) => setImmediate(resolve)) : () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class DiagnosticsService {
  /** uri → the diagnostics last published (as JSON), to publish only changes. */
  private readonly published = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The document the user looks at: status notifications are about it. */
  active: string | undefined;
  /** Whether the client names its active document (pilotPlan/activeDocument): then only it sets `active`. */
  activeFromClient = false;
  /** Time of the last completed check of each plan, for logs and tests. */
  readonly lastCheckMs = new Map<string, number>();
  /** Each plan's last edit, and the start and end of its last completed check (epoch ms), for the overview's timing. */
  readonly times = new Map<string, { editedAt?: number; checkStartedAt?: number; checkedAt?: number }>();
  /** Each plan's findings by file from its last completed check (the plan tree counts them). */
  readonly lastFindings = new Map<string, Map<string, Finding[]>>();
  /** Bumped when the structure of plans changes (files appear or go): the plan tree's list of plans is found again. */
  structureVersion = 0;

  constructor(
    private readonly connection: Connection,
    private readonly session: PlanSession,
    private readonly options: { locale: Locale; debounceMs: number; codeLensRefresh: boolean },
    private readonly log: (message: string) => void = () => undefined,
    private readonly trace: (message: string) => void = () => undefined,
  ) {}

  /** A file changed (edited, opened, changed on disk): check its plan after the debounce. */
  fileChanged(path: string, delay?: number): void {
    const key = this.session.planKeyOf(path);
    const state = this.session.stateOf(key);
    state.dirty.add(path);
    this.times.set(key, { ...this.times.get(key), editedAt: Date.now() });
    this.schedule(state, delay ?? this.debounceFor(key));
  }

  /**
   * The debounce adapts to what a check of this plan costs: waiting exists to
   * save work while someone types, so a plan that checks in 5 ms is checked
   * 10 ms after the keystroke, and only a slow one waits the configured
   * `debounceMs` (the upper bound). The wait is as long as the last check took:
   * a keystroke that comes sooner cancels the pending check, so a burst still
   * makes one check, and checks never take more than half of the editor's time.
   */
  private debounceFor(key: string): number {
    const last = this.lastCheckMs.get(key);
    if (last === undefined) return this.options.debounceMs;
    return Math.min(this.options.debounceMs, Math.max(MIN_DEBOUNCE_MS, Math.round(last)));
  }

  schedule(state: PlanState, delay = this.options.debounceMs): void {
    state.generation++;
    const old = this.timers.get(state.key);
    if (old) clearTimeout(old);
    const timer = setTimeout(() => {
      this.timers.delete(state.key);
      this.check(state.key).catch((e) => this.log(`check failed: ${(e as Error)?.stack ?? e}`));
    }, delay);
    this.timers.set(state.key, timer);
  }

  /**
   * The structure of plans changed: rebuild the plan states and re-check every file shown so far,
   * and every member of the plans as they were, published or not yet: a plan whose first check
   * was cut short by the change has closed files that must now get what they are (not in a plan).
   */
  structureChanged(): void {
    this.structureVersion++;
    const paths = new Set<string>([...this.session.open.keys()]);
    for (const uri of this.published.keys()) paths.add(this.session.pathOf(uri));
    for (const s of this.session.states) for (const m of s.index.files) paths.add(m.path);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.session.states) s.generation++;
    this.session.resetStructure();
    const keys = new Set<string>();
    for (const p of paths) {
      if (this.session.isConfig(p)) continue;
      if (!this.session.model(p)) {
        const uri = this.session.uriOf(p);
        this.publish(uri, []);
        continue;
      }
      keys.add(this.session.planKeyOf(p));
    }
    for (const key of keys) this.schedule(this.session.stateOf(key), 0);
  }

  /** Whether a check of the plan is waiting for its debounce. */
  pending(key: string): boolean {
    return this.timers.has(key);
  }

  /** Checks a plan now (after any pending debounce), returning the counts of its findings. */
  async checkNow(key: string): Promise<CheckResult | undefined> {
    const t = this.timers.get(key);
    if (t) {
      clearTimeout(t);
      this.timers.delete(key);
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const counts = await this.check(key);
      if (counts) return counts;
    }
    return undefined;
  }

  /**
   * One check of a plan. Returns undefined if a newer change superseded it
   * (that change has scheduled its own check).
   */
  async check(key: string): Promise<CheckResult | undefined> {
    const session = this.session;
    // A plan that is gone since the check was asked for (its Plan file edited away) is not made again.
    const state = session.peekState(key) ?? (session.isCurrentKey(key) ? session.stateOf(key) : undefined);
    if (!state) return undefined;
    const generation = ++state.generation;
    const superseded = () => session.peekState(key) !== state || state.generation !== generation;
    const t0 = performance.now();
    const startedAt = Date.now();
    if (session.sync(state)) {
      this.structureChanged();
      return undefined;
    }
    await tick();
    if (superseded()) return undefined;
    const stale = session.staleFiles(state);
    for (let i = 0; i < stale.length; i++) {
      session.runFileRules(state, stale[i]);
      if (i % 8 === 7 || i === stale.length - 1) {
        await tick();
        if (superseded()) return undefined;
      }
    }
    const planFindings = session.runPlanRules(state);
    await tick();
    if (superseded()) return undefined;
    const byFile = session.finalFindings(state, planFindings);
    const counts: CheckResult = { files: 0, errors: 0, warnings: 0, infos: 0, paths: state.index.files.map((m) => m.path) };
    const locale = this.options.locale;
    const count = (list: Finding[]) => {
      counts.files++;
      for (const f of list) {
        if (f.severity === 'error') counts.errors++;
        else if (f.severity === 'warning') counts.warnings++;
        else counts.infos++;
      }
    };
    for (const m of state.index.files) {
      const findings = byFile.get(m.path) ?? [];
      count(findings);
      this.publishFindings(session.uriOf(m.path), findings, m.parsed.lines, state);
    }
    if (state.root) {
      const configPath = nodePath.join(state.root, CONFIG_FILE_NAME);
      const cf = state.index.config.findings;
      if (cf.length || this.published.has(session.uriOf(configPath))) {
        const content = session.host.read(configPath);
        const text = content?.text ?? lenientUtf8Text(content?.bytes ?? new Uint8Array());
        const lines = new LineIndex(text);
        if (cf.length) count(cf);
        this.publish(session.uriOf(configPath), cf.map((f) => toDiagnostic(f, lines, locale, session, state)));
      }
    }
    const ms = performance.now() - t0;
    const first = !this.lastCheckMs.has(key);
    this.lastCheckMs.set(key, ms);
    this.times.set(key, { ...this.times.get(key), checkStartedAt: startedAt, checkedAt: Date.now() });
    // The log shows the first check of a plan and slow ones, not every keystroke.
    if (first || ms > 500) this.trace(`checked ${state.root ?? key.slice(1)}: ${state.index.files.length} files, file rules re-run for ${stale.length}, ${Math.round(ms)} ms`);
    this.sendStatus(state, byFile);
    this.lastFindings.set(key, byFile);
    if (state.root) void this.connection.sendNotification(PLAN_TREE_CHANGED_NOTIFICATION, { planRoot: state.root } satisfies PlanTreeChangedParams);
    if (this.options.codeLensRefresh) this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    return counts;
  }

  private publishFindings(uri: string, findings: readonly Finding[], lines: LineIndex, state: PlanState): void {
    this.publish(uri, findings.map((f) => toDiagnostic(f, lines, this.options.locale, this.session, state)));
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    const json = JSON.stringify(diagnostics);
    // The first time a file is checked it is published even when clean, so the check is observable.
    if (this.published.get(uri) === json) return;
    this.published.set(uri, json);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Clears a file's diagnostics (it was deleted). */
  clear(uri: string): void {
    if (!this.published.has(uri)) return;
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  sendStatus(state: PlanState, byFile: Map<string, Finding[]>): void {
    const active = this.active;
    if (!active) return;
    const path = this.session.pathOf(active);
    if (!state.index.file(path)) return;
    const mine = byFile.get(path) ?? [];
    const params: StatusParams = {
      uri: active,
      planRoot: state.root ?? null,
      planRootUri: state.root ? this.session.uriOf(state.root) : null,
      planId: state.index.settings?.id ?? null,
      errors: mine.filter((f) => f.severity === 'error').length,
      warnings: mine.filter((f) => f.severity === 'warning').length,
      infos: mine.filter((f) => f.severity === 'info').length,
      planErrors: 0,
      planWarnings: 0,
      planInfos: 0,
      planFiles: state.index.files.length,
    };
    for (const list of byFile.values()) {
      for (const f of list) {
        if (f.severity === 'error') params.planErrors++;
        else if (f.severity === 'warning') params.planWarnings++;
        else params.planInfos++;
      }
    }
    void this.connection.sendNotification(STATUS_NOTIFICATION, params);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
