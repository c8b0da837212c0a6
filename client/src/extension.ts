/**
 * The Pilot Plan extension on the desktop: the language client for *.pilot.yaml files, a status
 * bar item and the commands (activate.ts). Nothing from the workspace is executed and nothing
 * is fetched from the network; the language server is the bundled dist/server.js.
 *
 * The language client and its libraries are a bundle of their own (dist/language-client.js),
 * loaded and started right after activation, so that opening a plan never waits for them.
 */
import type * as vscode from 'vscode';
import { activateWith, type PilotPlanApi } from './activate';

export { deactivate, type PilotPlanApi } from './activate';

export function activate(context: vscode.ExtensionContext): PilotPlanApi {
  return activateWith(
    context,
    {
      web: false,
      defer: (fn) => setImmediate(fn),
      load: (ctx, output, events) => {
        // A computed path, so that the bundler leaves this require to run time.
        const bundle = ctx.asAbsolutePath('dist/language-client.js');
        const { createClient } = require(bundle) as typeof import('./node-language-client');
        return createClient(ctx, output, events);
      },
    },
  );
}
