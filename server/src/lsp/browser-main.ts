/**
 * Entry of the language server in a web worker (dist/web/server.js, vscode.dev and github.dev):
 * messages over the worker's postMessage; no file system, the client sends the files
 * (protocol.ts, pilotPlan/workspaceFiles).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import type { ServerPlatform } from './platform';
import { startServer } from './server';

/** The worker's global scope, as far as it is used here (the project's types have no DOM). */
declare const self: {
  addEventListener(type: 'error', listener: (e: { error?: unknown; message: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (e: { reason: unknown; preventDefault(): void }) => void): void;
};

const browserPlatform: ServerPlatform = {
  // A web worker has neither links nor real paths: a folder is what its URI names.
  realPath: (path) => path,
  logFallback: (message) => console.error(message),
  onUncaught(handler) {
    self.addEventListener('error', (e) => handler('uncaught', e.error ?? e.message));
    self.addEventListener('unhandledrejection', (e) => {
      e.preventDefault();
      handler('unhandled', e.reason);
    });
  },
};

startServer(createConnection(new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never)), browserPlatform);
