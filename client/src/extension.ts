/**
 * The Pilot Plan extension: the language client for *.pilot.yaml files, a status
 * bar item and the commands. Nothing from the workspace is executed and nothing
 * is fetched from the network; the language server is the bundled dist/server.js.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { ExtraGlobs } from './extra-globs';
import { PilotPlanClient } from './language-client';
import { StatusBar } from './status-bar';

let client: PilotPlanClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Pilot Plan');
  const status = new StatusBar();
  const globs = new ExtraGlobs();
  client = new PilotPlanClient(context, output, {
    onStatus: (p) => status.update(p),
    onRunning: (running) => status.setRunning(running),
  });
  context.subscriptions.push(output, status, globs, client);
  registerCommands(context, client);

  // The server gets these settings at start (initializationOptions, document selector): restart it.
  const restartKeys = ['pilotPlan.files.extraGlobs', 'pilotPlan.locale', 'pilotPlan.debounceMs'];
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('pilotPlan.files.extraGlobs')) globs.refresh();
      if (restartKeys.some((k) => e.affectsConfiguration(k))) void client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
