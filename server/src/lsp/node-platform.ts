/** The language server's platform in Node (platform.ts): the disk, real paths, its own watch. */
import * as fs from 'node:fs';
import { NodeFileHost } from '../engine/plan/node-host';
import { FileWatcher } from './file-watcher';
import type { ServerPlatform } from './platform';

export const nodePlatform: ServerPlatform = {
  files: new NodeFileHost(),
  realPath(path) {
    try {
      return fs.realpathSync(path);
    } catch {
      return undefined;
    }
  },
  watch: (report, log) => new FileWatcher(report, log),
  logFallback: (message) => void process.stderr.write(`${message}\n`),
  onUncaught(handler) {
    process.on('uncaughtException', (e) => handler('uncaught', e));
    process.on('unhandledRejection', (e) => handler('unhandled', e));
  },
};
