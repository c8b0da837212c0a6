/**
 * The plan tree in the Explorer (view `pilotPlan.planTree`): the server's pilotPlan/planTree
 * answer mapped to tree items, nothing computed here. One top node per plan when the workspace
 * holds several (the active editor's plan first), else the plan's groups at the top. An item
 * with findings gets its kind's icon in the colour of the highest severity and a badge with
 * the count (a decoration of its `pilot-plan-tree:` resource URI). Refreshed when the server
 * says a plan was checked, while the view is visible.
 */
import * as vscode from 'vscode';
import { folderUri, isInFolder } from './folder-uri';
import { t, uiLocale } from './locale';
import { highest, readPlanTreeResult } from './plan-tree-data';
import type { PlanTreeCounts, PlanTreeEntityNode, PlanTreeGroupNode, PlanTreeParams, PlanTreePlanNode } from './protocol';
import { LANGUAGE_ID } from './settings';

export const PLAN_TREE_VIEW = 'pilotPlan.planTree';
export const GROUP_BY_LEAD_COMMAND = 'pilotPlan.planTree.groupByLead';
export const GROUP_BY_AREA_COMMAND = 'pilotPlan.planTree.groupByArea';
/** The context key the view title's toggle reads: `area` or `lead`. */
export const TASKS_BY_CONTEXT = 'pilotPlan.planTree.tasksBy';
/** The scheme of the items' resource URIs, which only carry their finding counts to the decoration provider. */
export const DECORATION_SCHEME = 'pilot-plan-tree';

export type PlanTreeNode =
  | { type: 'plan'; plan: PlanTreePlanNode }
  | { type: 'group'; root: string; group: PlanTreeGroupNode }
  | { type: 'entity'; root: string; entity: PlanTreeEntityNode; id: string };

/** A codicon for each kind; a kind a later format adds gets the generic one. */
const KIND_ICONS: Record<string, string> = {
  plan: 'pulse',
  task: 'tasklist',
  project: 'tools',
  indicator: 'graph',
  mechanism: 'gear',
  action: 'person',
  risk: 'shield',
};

const SEVERITY_ICON_COLOR = { error: 'problemsErrorIcon.foreground', warning: 'problemsWarningIcon.foreground', info: 'problemsInfoIcon.foreground' } as const;
const SEVERITY_LABEL_COLOR = { error: 'list.errorForeground', warning: 'list.warningForeground', info: undefined } as const;

/** `2 个错误、1 个警告`, in the UI language. */
export function countsText(c: PlanTreeCounts): string {
  const parts: string[] = [];
  if (c.errors) parts.push(t('planTreeErrors', c.errors));
  if (c.warnings) parts.push(t('planTreeWarnings', c.warnings));
  if (c.infos) parts.push(t('planTreeInfos', c.infos));
  return parts.length ? parts.join(uiLocale() === 'zh-CN' ? '、' : ', ') : t('planTreeNoFindings');
}

function icon(kind: string, c: PlanTreeCounts): vscode.ThemeIcon {
  const severity = highest(c);
  return new vscode.ThemeIcon(KIND_ICONS[kind] ?? 'symbol-misc', severity ? new vscode.ThemeColor(SEVERITY_ICON_COLOR[severity]) : undefined);
}

/** The item's resource URI: its identity, with its counts for the decoration provider. */
function decorationUri(id: string, c: PlanTreeCounts): vscode.Uri {
  return vscode.Uri.parse(`${DECORATION_SCHEME}:/${c.errors}.${c.warnings}.${c.infos}/${encodeURIComponent(id)}`);
}

/** The badge and colour of an item from its resource URI: the number of findings (9+ beyond, as the Explorer counts problems), coloured by the highest severity. */
export function decorationOf(uri: vscode.Uri): vscode.FileDecoration | undefined {
  if (uri.scheme !== DECORATION_SCHEME) return undefined;
  const m = /^\/(\d+)\.(\d+)\.(\d+)\//.exec(uri.path);
  if (!m) return undefined;
  const c = { errors: Number(m[1]), warnings: Number(m[2]), infos: Number(m[3]) };
  const severity = highest(c);
  if (!severity) return undefined;
  const n = c.errors + c.warnings + c.infos;
  const color = SEVERITY_LABEL_COLOR[severity];
  return { badge: n < 10 ? String(n) : '9+', tooltip: countsText(c), color: color ? new vscode.ThemeColor(color) : undefined, propagate: false };
}

function entityCount(g: PlanTreeGroupNode): number {
  return g.entities.length + g.groups.reduce((n, s) => n + entityCount(s), 0);
}

/** The tree item of a node: label, description, tooltip, icon, decoration and, for an entity, the command that opens its definition. */
export function treeItemOf(node: PlanTreeNode): vscode.TreeItem {
  if (node.type === 'plan') {
    const p = node.plan;
    const item = new vscode.TreeItem(p.label, vscode.TreeItemCollapsibleState.Expanded);
    // No TreeItem.id: VS Code throws on an id registered twice when it fetches a level twice at once; its own handles (label and place) keep expansion across refreshes.
    const id = `plan|${p.root}`;
    item.description = p.planId ?? undefined;
    item.iconPath = icon('plan', p.counts);
    item.resourceUri = decorationUri(id, p.counts);
    const folder = vscode.workspace.asRelativePath(folderUri(p.root, p.rootUri), true);
    item.tooltip = t('planTreePlanTooltip', p.planId ? `${p.planId} · ${p.label}` : p.label, folder, p.checked ? countsText(p.counts) : t('planTreeNotChecked'));
    item.contextValue = 'plan';
    return item;
  }
  if (node.type === 'group') {
    const g = node.group;
    const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Collapsed);
    const id = `group|${node.root}|${g.key}`;
    const n = entityCount(g);
    item.description = String(n);
    // Tasks under an area or a lead department: the subgroup's own icon.
    item.iconPath = g.key.startsWith('tasks/') ? new vscode.ThemeIcon(g.key.startsWith('tasks/lead/') ? 'organization' : 'tag', icon(g.kind, g.counts).color) : icon(g.kind, g.counts);
    item.resourceUri = decorationUri(id, g.counts);
    item.tooltip = t('planTreeGroupTooltip', g.label, n, countsText(g.counts));
    item.contextValue = 'group';
    return item;
  }
  const e = node.entity;
  const item = new vscode.TreeItem(e.label, vscode.TreeItemCollapsibleState.None);
  item.description = e.id;
  item.iconPath = icon(e.kind, e.counts);
  item.resourceUri = decorationUri(node.id, e.counts);
  const tip = new vscode.MarkdownString(undefined, false);
  tip.isTrusted = false;
  tip.appendText(`${e.label}${e.label === e.id ? '' : ` · ${e.id}`}`);
  for (const f of e.facts) tip.appendText(`\n\n${f}`);
  tip.appendText(`\n\n${countsText(e.counts)}`);
  item.tooltip = tip;
  const range = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
  item.command = { title: t('planTreeOpen'), command: 'vscode.open', arguments: [vscode.Uri.parse(e.uri), { selection: range, preview: true }] };
  item.contextValue = e.kind;
  return item;
}

export class PlanTreeProvider implements vscode.TreeDataProvider<PlanTreeNode> {
  private readonly changed = new vscode.EventEmitter<PlanTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  tasksBy: 'area' | 'lead' = 'area';
  /** The plans of the last answer. */
  plans: PlanTreePlanNode[] = [];
  // The nodes of the last answer, made once: VS Code knows an element by its object (reveal, getParent).
  private children = new Map<PlanTreeNode, PlanTreeNode[]>();
  private parents = new Map<PlanTreeNode, PlanTreeNode | undefined>();
  /** Nodes by identity, kept from one answer to the next (their data brought up to date): a node held across a refresh still names its item. */
  private byKey = new Map<string, PlanTreeNode>();
  private nextByKey = new Map<string, PlanTreeNode>();

  /** `request` sends pilotPlan/planTree (undefined when the server is not running). */
  constructor(private readonly request: (params: PlanTreeParams) => Promise<unknown> | undefined) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: PlanTreeNode): vscode.TreeItem {
    return treeItemOf(node);
  }

  async getChildren(node?: PlanTreeNode): Promise<PlanTreeNode[]> {
    if (node) return this.children.get(node) ?? [];
    const doc = vscode.window.activeTextEditor?.document;
    const params: PlanTreeParams = { tasksBy: this.tasksBy };
    if (doc && doc.languageId === LANGUAGE_ID) params.activeUri = doc.uri.toString();
    let raw: unknown;
    try {
      raw = await this.request(params);
    } catch {
      raw = undefined;
    }
    this.plans = readPlanTreeResult(raw).plans;
    this.children = new Map();
    this.parents = new Map();
    this.nextByKey = new Map();
    // One plan: its groups at the top; several: a node each.
    const top =
      this.plans.length === 1
        ? this.groupNodes(this.plans[0].root, this.plans[0].groups, undefined)
        : this.plans.map((plan) => {
            const n = this.node(`plan|${plan.root}`, { type: 'plan', plan });
            this.parents.set(n, undefined);
            this.children.set(n, this.groupNodes(plan.root, plan.groups, n));
            return n;
          });
    this.byKey = this.nextByKey;
    return top;
  }

  /** The node of this identity from the last answer, with the new data; else the new node. */
  private node<N extends PlanTreeNode>(key: string, fresh: N): N {
    const old = this.byKey.get(key) as N | undefined;
    const n = old && old.type === fresh.type ? Object.assign(old, fresh) : fresh;
    this.nextByKey.set(key, n);
    return n;
  }

  getParent(node: PlanTreeNode): PlanTreeNode | undefined {
    return this.parents.get(node);
  }

  /** The node of an entity in the last answer (the first plan that has it, or the plan at `root`). */
  entityNode(id: string, root?: string): PlanTreeNode | undefined {
    for (const n of this.parents.keys()) if (n.type === 'entity' && n.entity.id === id && (!root || n.root === root)) return n;
    return undefined;
  }

  /** Groups' nodes under `parent`, each with its subgroups, then its entities (IDs made unique: an ID defined twice is two items). */
  private groupNodes(root: string, groups: PlanTreeGroupNode[], parent: PlanTreeNode | undefined): PlanTreeNode[] {
    return groups.map((group) => {
      const n = this.node(`group|${root}|${group.key}`, { type: 'group', root, group } as PlanTreeNode);
      this.parents.set(n, parent);
      const seen = new Map<string, number>();
      const entities = group.entities.map((entity): PlanTreeNode => {
        const base = `entity|${root}|${group.key}|${entity.uri}#${entity.id}`;
        const k = (seen.get(base) ?? 0) + 1;
        seen.set(base, k);
        const id = k > 1 ? `${base}|${k}` : base;
        const e = this.node(id, { type: 'entity', root, entity, id } as PlanTreeNode);
        this.parents.set(e, n);
        return e;
      });
      this.children.set(n, [...this.groupNodes(root, group.groups, n), ...entities]);
      return n;
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** How long the tree waits after the server's word before asking again: a burst of checks makes one refresh. */
const REFRESH_DELAY_MS = 300;

/** The view, its toggle commands and decorations, wired to the client. */
export class PlanTreeView implements vscode.Disposable {
  readonly provider: PlanTreeProvider;
  readonly view: vscode.TreeView<PlanTreeNode>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** A change came while the view was hidden: refresh when it shows. */
  private stale = false;

  constructor(
    private readonly state: vscode.Memento,
    request: (params: PlanTreeParams) => Promise<unknown> | undefined,
  ) {
    this.provider = new PlanTreeProvider(request);
    this.provider.tasksBy = state.get('pilotPlan.planTree.tasksBy') === 'lead' ? 'lead' : 'area';
    this.view = vscode.window.createTreeView(PLAN_TREE_VIEW, { treeDataProvider: this.provider, showCollapseAll: true });
    this.view.title = t('planTreeTitle');
    void vscode.commands.executeCommand('setContext', TASKS_BY_CONTEXT, this.provider.tasksBy);
    const decorations = new vscode.EventEmitter<vscode.Uri[] | undefined>();
    this.subscriptions.push(
      this.view,
      this.provider,
      decorations,
      vscode.window.registerFileDecorationProvider({ provideFileDecoration: decorationOf, onDidChangeFileDecorations: decorations.event }),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible && this.stale) this.refresh();
      }),
      // The active editor's plan comes first when there are several.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const plans = this.provider.plans;
        const doc = editor?.document;
        if (plans.length > 1 && doc?.languageId === LANGUAGE_ID && !isInFolder(doc.uri, folderUri(plans[0].root, plans[0].rootUri))) this.changed();
      }),
      vscode.commands.registerCommand('pilotPlan.planTree.groupByLead', () => this.groupTasksBy('lead')),
      vscode.commands.registerCommand('pilotPlan.planTree.groupByArea', () => this.groupTasksBy('area')),
    );
  }

  /** The server checked a plan (or started): refresh soon, if anyone looks. */
  changed(): void {
    if (!this.view.visible) {
      this.stale = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stale = false;
    this.provider.refresh();
  }

  /** The title in the language of `pilotPlan.locale` (the items follow with the restarted server). */
  relabel(): void {
    this.view.title = t('planTreeTitle');
  }

  async groupTasksBy(by: 'area' | 'lead'): Promise<void> {
    this.provider.tasksBy = by;
    await this.state.update('pilotPlan.planTree.tasksBy', by);
    await vscode.commands.executeCommand('setContext', TASKS_BY_CONTEXT, by);
    this.refresh();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
  }
}
