/**
 * The web's language client: the server in a web worker (dist/web/server.js), which reads no
 * file system; the workspace mirror sends it the workspace's files each time it starts.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { PilotPlanClient, type ClientEvents, type ClientHost } from './language-client';
import type { WorkspaceMirror } from './workspace-mirror';

/** What is used here of a web worker. */
interface WebWorker {
  terminate(): void;
}
// The extension host's Worker (a web worker's global; the project's TypeScript lib has no DOM).
declare const Worker: new (url: string) => WebWorker;

/** A language client whose worker ends with it: vscode-languageclient leaves it running, and each restart makes a new one. */
class WorkerLanguageClient extends LanguageClient {
  constructor(
    id: string,
    name: string,
    options: ConstructorParameters<typeof LanguageClient>[2],
    private readonly webWorker: WebWorker,
  ) {
    super(id, name, options, webWorker as ConstructorParameters<typeof LanguageClient>[3]);
  }

  override async dispose(timeout?: number): Promise<void> {
    try {
      await super.dispose(timeout);
    } finally {
      this.webWorker.terminate();
    }
  }
}

/** The server's bundle, as a URL the worker can load (any scheme the extension is served from). */
export function serverWorkerUrl(extensionUri: vscode.Uri): string {
  return vscode.Uri.joinPath(extensionUri, 'dist/web/server.js').toString(true);
}

export function browserHost(context: vscode.ExtensionContext, mirror: WorkspaceMirror): ClientHost {
  return {
    web: true,
    // A new worker for each client: a restart starts a fresh server.
    create: (id, name, options) => new WorkerLanguageClient(id, name, options, new Worker(serverWorkerUrl(context.extensionUri))),
    running: (client) => void mirror.start(client),
    stopped: (client) => mirror.stop(client),
  };
}

/** The language client of the web. */
export function createBrowserClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, events: ClientEvents, mirror: WorkspaceMirror): PilotPlanClient {
  return new PilotPlanClient(context, output, events, browserHost(context, mirror));
}
