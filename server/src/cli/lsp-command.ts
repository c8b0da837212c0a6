/** `pilot-plan lsp --stdio`: the language server, for any LSP client. */
import * as nodePath from 'node:path';
import { usageError } from './usage';

export async function runLsp(argv: string[]): Promise<number> {
  if (!argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    return usageError('`lsp` needs a transport: pilot-plan lsp --stdio', '`lsp` 需要指定传输方式：pilot-plan lsp --stdio');
  }
  // The server is its own bundle beside this one (dist/server.js, the one VS Code starts, which
  // starts serving when loaded): `check` does not pay for loading it. The require is computed so
  // that the bundler leaves it alone.
  const serverBundle = nodePath.join(__dirname, 'server.js');
  require(serverBundle);
  return -1; // the server keeps the process alive and exits on the client's request
}
