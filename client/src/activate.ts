/**
 * The extension's activation, the same on the desktop (extension.ts) and on the web
 * (browser-extension.ts): the status bar, the plan tree, the overview and the commands are
 * registered and activation returns; the language client, which each entry makes its own way,
 * is made and started right after, so that opening a plan never waits for it.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { ExtraGlobs } from './extra-globs';
import type { ClientEvents, PilotPlanClient } from './language-client';
import { OverviewPanel } from './overview';
import { PlanTreeView } from './plan-tree';
import { OVERVIEW_REQUEST, PLAN_TREE_REQUEST } from './protocol';
import { StatusBar, type StatusSnapshot } from './status-bar';

/** What `activate` returns to other extensions and to the end-to-end tests. */
export interface PilotPlanApi {
  /** What the status bar item shows now. */
  status(): StatusSnapshot;
  /** The plan tree in the Explorer (its provider and view). */
  planTree: PlanTreeView;
  /** The Plan Overview panel. */
  overview: OverviewPanel;
}

/** How an entry makes its language client, and where. */
export interface ClientFactory {
  /** The web: documents of any scheme (the extra globs too). */
  web: boolean;
  /** Runs `fn` soon, after activation has returned. */
  defer(fn: () => void): void;
  /** The language client (not started). */
  load(context: vscode.ExtensionContext, output: vscode.OutputChannel, events: ClientEvents): PilotPlanClient;
}

/** The language client of the activation, for `deactivate`. */
let client: Promise<PilotPlanClient> | undefined;

/** The extension's activation. */
export function activateWith(context: vscode.ExtensionContext, factory: ClientFactory): PilotPlanApi {
  const output = vscode.window.createOutputChannel('Pilot Plan');
  const status = new StatusBar();
  const globs = new ExtraGlobs(factory.web);
  context.subscriptions.push(output, status, globs);
  let loaded: PilotPlanClient | undefined;
  const planTree = new PlanTreeView(context.workspaceState, (params) => loaded?.current?.sendRequest(PLAN_TREE_REQUEST, params));
  context.subscriptions.push(planTree);
  const overview = new OverviewPanel((params) => loaded?.current?.sendRequest(OVERVIEW_REQUEST, params));
  context.subscriptions.push(overview);

  const started = new Promise<PilotPlanClient>((resolve, reject) =>
    factory.defer(() => {
      try {
        const c = factory.load(context, output, {
          onStatus: (p) => status.update(p),
          onRunning: (running) => {
            status.setRunning(running);
            // A (re)started server may speak another language, or know other plans.
            if (running) {
              planTree.changed();
              overview.changed();
            }
          },
          onPlanTreeChanged: (p) => {
            planTree.changed();
            overview.changed(p?.planRoot);
          },
        });
        loaded = c;
        context.subscriptions.push(c);
        c.start().catch((e) => output.appendLine(`Pilot Plan language server did not start: ${(e as Error)?.message ?? e}`));
        resolve(c);
      } catch (e) {
        output.appendLine(`Pilot Plan language client did not load: ${(e as Error)?.stack ?? e}`);
        reject(e);
      }
    }),
  );
  started.catch(() => undefined);
  client = started;
  registerCommands(context, () => started);

  // The server gets these settings at start (initializationOptions, document selector): restart it.
  const restartKeys = ['pilotPlan.files.extraGlobs', 'pilotPlan.locale', 'pilotPlan.debounceMs'];
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('pilotPlan.files.extraGlobs')) globs.refresh();
      // The UI's strings are made when shown: draw the status bar again in the new language.
      if (e.affectsConfiguration('pilotPlan.locale')) {
        status.refresh();
        planTree.relabel();
        overview.changed();
      }
      if (restartKeys.some((k) => e.affectsConfiguration(k))) void started.then((c) => c.restart());
    }),
  );
  return { status: () => status.snapshot(), planTree, overview };
}

/** The extension's deactivation, the same on the desktop and the web: stops the language client, if it was made. */
export async function deactivate(): Promise<void> {
  const c = await client?.catch(() => undefined);
  client = undefined;
  await c?.stop();
}
