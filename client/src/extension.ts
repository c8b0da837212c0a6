/**
 * The Pilot Plan extension: the language client for *.pilot.yaml files, a status
 * bar item and the commands. Nothing from the workspace is executed and nothing
 * is fetched from the network; the language server is the bundled dist/server.js.
 *
 * Activation registers the commands and the status bar and returns; the
 * language client and its libraries are a bundle of their own
 * (dist/language-client.js), loaded and started right after, so that opening
 * a plan never waits for them.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { ExtraGlobs } from './extra-globs';
import type { PilotPlanClient } from './language-client';
import { OverviewPanel } from './overview';
import { PlanTreeView } from './plan-tree';
import { OVERVIEW_REQUEST, PLAN_TREE_REQUEST } from './protocol';
import { StatusBar, type StatusSnapshot } from './status-bar';

let client: Promise<PilotPlanClient> | undefined;

/** What `activate` returns to other extensions and to the end-to-end tests. */
export interface PilotPlanApi {
  /** What the status bar item shows now. */
  status(): StatusSnapshot;
  /** The plan tree in the Explorer (its provider and view). */
  planTree: PlanTreeView;
  /** The Plan Overview panel. */
  overview: OverviewPanel;
}

export function activate(context: vscode.ExtensionContext): PilotPlanApi {
  const output = vscode.window.createOutputChannel('Pilot Plan');
  const status = new StatusBar();
  const globs = new ExtraGlobs();
  context.subscriptions.push(output, status, globs);
  let loaded: PilotPlanClient | undefined;
  const planTree = new PlanTreeView(context.workspaceState, (params) => loaded?.current?.sendRequest(PLAN_TREE_REQUEST, params));
  context.subscriptions.push(planTree);
  const overview = new OverviewPanel((params) => loaded?.current?.sendRequest(OVERVIEW_REQUEST, params));
  context.subscriptions.push(overview);

  const started = new Promise<PilotPlanClient>((resolve, reject) =>
    setImmediate(() => {
      try {
        // A computed path, so that the bundler leaves this require to run time.
        const bundle = context.asAbsolutePath('dist/language-client.js');
        const { PilotPlanClient: Client } = require(bundle) as typeof import('./language-client');
        const c = new Client(context, output, {
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

export async function deactivate(): Promise<void> {
  const c = await client?.catch(() => undefined);
  await c?.stop();
  client = undefined;
}
