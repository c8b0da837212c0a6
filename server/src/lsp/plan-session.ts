/**
 * The language server's state: open documents over the disk, the plans they
 * belong to, and what was last computed for each file.
 *
 * Incrementality:
 * - Files are parsed through the engine's Workspace over an
 *   OverlayFileHost over the disk (NodeFileHost) or the client's files: an open document is an overlay whose stamp
 *   is its version, so `ws.load` re-parses a file only when its version (or,
 *   on disk, its mtime and size) changed.
 * - One PlanIndex per plan root, kept across edits. After an edit only the
 *   changed files (the `dirty` set: edited documents, watched-file events)
 *   are re-loaded and swapped into the index with `setFile`.
 * - File-rule findings are cached per file, keyed by the file's model, the
 *   plan settings (the Plan file's data without its entity lists) and the
 *   rule configuration: an edit re-runs the file rules of the edited file
 *   only; an edit of the Plan file's years or of the configuration re-runs
 *   them for every file. Plan rules run over the index after every change
 *   (they read the index, never parse).
 * - A change of structure (a file becomes or stops being a `kind: Plan`
 *   file, files appear or disappear) drops the plan states; they are rebuilt
 *   from the cached models.
 */
import * as nodePath from 'node:path';
import { pathOfUri, uriOfPath } from '../common/uri-path';
import type { Finding } from '../engine/findings';
import type { FileModel } from '../engine/plan/model';
import { OverlayFileHost } from '../engine/plan/overlay-host';
import type { FileHost } from '../engine/plan/workspace';
import type { PlanIndex } from '../engine/plan/plan-index';
import { CONFIG_FILE_NAME, type RuleConfig } from '../engine/plan/config';
import { Workspace, isPilotFile } from '../engine/plan/workspace';
import { finalize, runFileRules, runPlanRules, type RuleErrorHandler } from '../engine/run-rules';
import type { EditorFile, EditorPlan } from '../engine/editor/context';
import { ENTITY_LISTS } from '../engine/plan/model';
import { parseText } from '../engine/parse/load';
import { applyChanges, type ContentChange } from '../engine/parse/edit';
import { RULES } from '../engine/rules/registry';
import { ItemValidation } from '../engine/schema/item-validation';

const PLAN_RULES = RULES.filter((r) => r.scope === 'plan');

export interface PlanState {
  /** The plan root, or `\0<file>` for a file under no plan. */
  key: string;
  root: string | undefined;
  index: PlanIndex;
  /** Files to re-load from the host before the next check. */
  dirty: Set<string>;
  /** The plan's structure may have changed (seen while syncing for a request). */
  structural: boolean;
  /** Bumped by every change: a check that sees a newer generation stops. */
  generation: number;
}

interface CachedFileFindings {
  model: FileModel;
  settings: string;
  config: RuleConfig;
  findings: Finding[];
}

export class PlanSession {
  readonly host: OverlayFileHost;
  readonly ws: Workspace;
  /** Open documents: path → the URI the client used. */
  readonly open = new Map<string, string>();
  private readonly uris = new Map<string, string>();
  /** Folder → its plan folder (undefined: no plan), as planRootOf found it. */
  private readonly roots = new Map<string, string | undefined>();
  private readonly plans = new Map<string, PlanState>();
  private readonly good = new Map<string, FileModel>();
  private readonly fileCache = new Map<string, CachedFileFindings>();
  /** Schema errors kept per list item across edits: an edit validates its own item again, not the file's 12,000. */
  private readonly itemValidation = new ItemValidation();

  /** `files`: where files not open come from (the disk, or the client's files: client-files.ts). */
  constructor(
    private readonly onRuleError: RuleErrorHandler,
    readonly files: FileHost,
  ) {
    this.host = new OverlayFileHost(files);
    this.ws = new Workspace(this.host);
  }

  // -------------------------------------------------------------------------
  // Documents and paths

  pathOf(uri: string): string {
    const p = pathOfUri(uri);
    if (!this.uris.has(p)) this.uris.set(p, uri);
    return p;
  }

  uriOf(path: string): string {
    return this.open.get(path) ?? this.uris.get(path) ?? uriOfPath(path);
  }

  /** A document the editor opened; true when it is not on disk (an unsaved file): it joins its folder's listing. */
  openDocument(uri: string, text: string, version: number): boolean {
    const path = this.pathOf(uri);
    const isNew = !this.open.has(path);
    this.open.set(path, uri);
    this.uris.set(path, uri);
    this.host.setOverlay(path, parseText(path, text), version);
    return isNew && this.files.stamp(path) === undefined;
  }

  /** An open document's changes, applied to its last version (parse/edit.ts); false when it is not open. */
  changeDocument(uri: string, changes: readonly ContentChange[], version: number): boolean {
    const path = this.pathOf(uri);
    const doc = this.host.overlayOf(path);
    if (!doc || !this.open.has(path)) return false;
    this.host.setOverlay(path, applyChanges(doc, changes), version);
    return true;
  }

  closeDocument(uri: string): string {
    const path = this.pathOf(uri);
    this.open.delete(path);
    this.host.clearOverlay(path);
    return path;
  }

  /** The file's current model (parsed once per version); the last good one is remembered. */
  model(path: string): FileModel | undefined {
    const m = this.ws.load(path);
    if (m && m.parsed.syntax.length === 0) this.good.set(path, m);
    return m;
  }

  lastGood(path: string): FileModel | undefined {
    return this.good.get(path);
  }

  isConfig(path: string): boolean {
    return nodePath.basename(path) === CONFIG_FILE_NAME;
  }

  // -------------------------------------------------------------------------
  // Plans

  /**
   * The plan folder of a file. A file's plan depends only on its folder, so the answer is kept
   * per folder, until the plan structure changes (resetStructure): opening the 1,000 files of a
   * plan asks once per folder, not once per file (each ask lists folders and stats their files).
   */
  planRootOf(path: string): string | undefined {
    const dir = nodePath.dirname(path);
    if (this.roots.has(dir)) return this.roots.get(dir);
    const root = this.ws.planRootOf(path);
    this.roots.set(dir, root);
    return root;
  }

  planKeyOf(path: string): string {
    const root = this.planRootOf(path);
    return root ?? `\0${path}`;
  }

  /** Whether a key still names a plan (its folder holds a Plan file) or a file under no plan. */
  isCurrentKey(key: string): boolean {
    return key.startsWith('\0') ? this.planKeyOf(key.slice(1)) === key : this.planRootOf(nodePath.join(key, CONFIG_FILE_NAME)) === key;
  }

  /** The state of the plan with this key, if built. */
  peekState(key: string): PlanState | undefined {
    return this.plans.get(key);
  }

  /** The state of the plan with this key, built if needed. */
  stateOf(key: string): PlanState {
    let state = this.plans.get(key);
    if (state) return state;
    const root = key.startsWith('\0') ? undefined : key;
    const loose = root ? undefined : key.slice(1);
    const index = this.ws.buildPlan(root, loose);
    for (const m of index.files) if (m.parsed.syntax.length === 0) this.good.set(m.path, m);
    state = { key, root, index, dirty: new Set(), structural: false, generation: 0 };
    this.plans.set(key, state);
    return state;
  }

  /** The state of the plan a file belongs to, with the file's current model in it. */
  planFor(path: string): PlanState {
    const state = this.stateOf(this.planKeyOf(path));
    state.dirty.add(path);
    this.sync(state);
    return state;
  }

  get states(): PlanState[] {
    return [...this.plans.values()];
  }

  /** Forget plan membership (roots and plan states); models and findings stay cached. */
  resetStructure(): void {
    this.roots.clear();
    this.plans.clear();
  }

  markDirty(path: string): PlanState | undefined {
    const state = this.plans.get(this.planKeyOf(path));
    if (!state) return undefined;
    state.dirty.add(path);
    state.generation++;
    return state;
  }

  /**
   * Re-loads the dirty files into the index. Returns true when the structure
   * changed (a file became or stopped being a Plan file, or vanished): the
   * caller resets and re-checks.
   */
  sync(state: PlanState): boolean {
    for (const path of state.dirty) {
      const before = state.index.file(path);
      const after = this.model(path);
      if (!after) {
        if (before) {
          state.index.removeFile(path);
          this.fileCache.delete(path);
          if (before.kind === 'Plan') state.structural = true;
        }
        continue;
      }
      if (before === after) continue;
      if ((before?.kind === 'Plan') !== (after.kind === 'Plan')) state.structural = true;
      // A loose file's state holds that file only; a plan's, its members.
      if (before || state.root === undefined || this.belongs(state, path)) state.index.setFile(after);
    }
    state.dirty.clear();
    return state.structural;
  }

  private belongs(state: PlanState, path: string): boolean {
    return (this.open.has(path) || isPilotFile(nodePath.basename(path))) && this.planKeyOf(path) === state.key;
  }

  /** Takes a file out of its plan (an open file that is not named like a pilot file, once closed). */
  forgetMember(path: string): PlanState | undefined {
    const state = this.plans.get(this.planKeyOf(path));
    if (state?.index.removeFile(path)) {
      this.fileCache.delete(path);
      return state;
    }
    return undefined;
  }

  /** Re-reads the plan's configuration (after a change of pilot-plan.config.yaml). */
  reloadConfig(state: PlanState): void {
    if (state.root) state.index.config = this.ws.config(state.root);
  }

  // -------------------------------------------------------------------------
  // Findings

  /** The Plan file's settings (its data without entity lists), what file rules may read besides the file. */
  private settingsKey(state: PlanState): string {
    const plan = state.index.planFiles[0]?.root;
    if (!plan) return '';
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(plan)) if (!ENTITY_LISTS[k]) rest[k] = v;
    return JSON.stringify(rest);
  }

  /** Files whose file-rule findings are not cached for their current model, settings and configuration. */
  staleFiles(state: PlanState): FileModel[] {
    const settings = this.settingsKey(state);
    return state.index.files.filter((m) => {
      const c = this.fileCache.get(m.path);
      return !c || c.model !== m || c.settings !== settings || c.config !== state.index.config;
    });
  }

  runFileRules(state: PlanState, m: FileModel): Finding[] {
    const findings = runFileRules(state.index, m, this.onRuleError, RULES, undefined, this.itemValidation);
    this.fileCache.set(m.path, { model: m, settings: this.settingsKey(state), config: state.index.config, findings });
    return findings;
  }

  fileFindings(state: PlanState, m: FileModel): Finding[] {
    const c = this.fileCache.get(m.path);
    return c && c.model === m ? c.findings : this.runFileRules(state, m);
  }

  /** The plan rules' findings: they read the index, never parse, so they run whole after every change. */
  runPlanRules(state: PlanState): Map<string, Finding[]> {
    return runPlanRules(state.index, this.onRuleError, PLAN_RULES);
  }

  /** The findings of every file of the plan, as `pilot-plan check` reports them. */
  finalFindings(state: PlanState, planFindings: Map<string, Finding[]>): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    for (const m of state.index.files) out.set(m.path, finalize(m, this.fileFindings(state, m).concat(planFindings.get(m.path) ?? [])));
    return out;
  }

  // -------------------------------------------------------------------------
  // For editor features

  editorPlan(state: PlanState): EditorPlan {
    return { root: state.root, index: state.index, lastGood: (p) => this.good.get(p) };
  }

  /** The file and its plan, current as of now (dirty files synced, no rules run). */
  editorContext(uri: string): { file: EditorFile; plan: EditorPlan } | undefined {
    const path = this.pathOf(uri);
    const model = this.model(path);
    if (!model) return undefined;
    const file = { path, model, lastGood: this.good.get(path) };
    // A file no plan holds (neither open nor named as a plan file, or the configuration) is
    // seen alone: asking about it must not make it a member of a plan, nor a plan of its own.
    if (this.isConfig(path) || (!this.open.has(path) && !isPilotFile(nodePath.basename(path)))) {
      return { file, plan: { root: undefined, index: this.ws.buildPlan(undefined, path), lastGood: (p) => this.good.get(p) } };
    }
    const state = this.planFor(path);
    if (!state.index.file(path)) state.index.setFile(model);
    return { file, plan: this.editorPlan(state) };
  }
}
