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
// The extension host's Worker, Blob and URL (a web worker's globals; the project's TypeScript lib has no DOM).
declare const Worker: new (url: string) => WebWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };

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

/**
 * The URL a Worker is made from. VS Code's web worker extension host makes no worker from an extension
 * served by a remote (`vscode-remote:`, as code-server serves one); there the bundle is read through
 * `vscode.workspace.fs` and the worker made from its bytes.
 */
async function workerUrl(extensionUri: vscode.Uri): Promise<string> {
  if (extensionUri.scheme !== 'vscode-remote') return serverWorkerUrl(extensionUri);
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist/web/server.js'));
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

export function browserHost(context: vscode.ExtensionContext, mirror: WorkspaceMirror): ClientHost {
  let url: Promise<string> | undefined;
  return {
    web: true,
    // A new worker for each client: a restart starts a fresh server.
    create: async (id, name, options) => new WorkerLanguageClient(id, name, options, new Worker(await (url ??= workerUrl(context.extensionUri)))),
    running: (client) => void mirror.start(client),
    stopped: (client) => mirror.stop(client),
  };
}

/** The language client of the web. */
export function createBrowserClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, events: ClientEvents, mirror: WorkspaceMirror): PilotPlanClient {
  return new PilotPlanClient(context, output, events, browserHost(context, mirror));
}
