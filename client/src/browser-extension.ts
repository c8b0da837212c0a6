/**
 * The Pilot Plan extension on the web (vscode.dev, github.dev; package.json's `browser`): the
 * same activation as the desktop's (activate.ts), with the language server in a web worker and
 * the workspace's plan files sent to it by the client (workspace-mirror.ts), read through
 * `vscode.workspace.fs` whatever the workspace's scheme. One bundle: no Node module in it.
 */
import type * as vscode from 'vscode';
import { activateWith, type PilotPlanApi } from './activate';
import { createBrowserClient } from './browser-language-client';
import { WorkspaceMirror } from './workspace-mirror';

export { deactivate, type PilotPlanApi } from './activate';

export function activate(context: vscode.ExtensionContext): PilotPlanApi {
  return activateWith(
    context,
    {
      web: true,
      defer: (fn) => setTimeout(fn, 0),
      load: (ctx, output, events) => {
        const mirror = new WorkspaceMirror(output);
        ctx.subscriptions.push(mirror);
        return createBrowserClient(ctx, output, events, mirror);
      },
    },
  );
}
