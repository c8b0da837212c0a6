/** `pilot-plan lsp --stdio`: the language server, for any LSP client. */
import { startServer } from '../lsp/server';
import { usageError } from './usage';

export async function runLsp(argv: string[]): Promise<number> {
  if (!argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    return usageError('`lsp` needs a transport: pilot-plan lsp --stdio', '`lsp` 需要指定传输方式：pilot-plan lsp --stdio');
  }
  startServer();
  return -1; // the server keeps the process alive and exits on the client's request
}
