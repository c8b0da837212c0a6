/**
 * The desktop's language client (the bundle dist/language-client.js, which extension.ts loads
 * after activation): the Node server dist/server.js over IPC.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { PilotPlanClient, type ClientEvents, type ClientHost } from './language-client';

export { PilotPlanClient };

export function nodeHost(context: vscode.ExtensionContext): ClientHost {
  return {
    web: false,
    create: (id, name, options) => {
      const module = context.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
      };
      return new LanguageClient(id, name, serverOptions, options);
    },
  };
}

/** The language client of the desktop. */
export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, events: ClientEvents): PilotPlanClient {
  return new PilotPlanClient(context, output, events, nodeHost(context));
}
