/**
 * `pilot-plan`: the command line. `check` runs the engine over
 * files; `lsp --stdio` runs the language server. Usage problems get a clear
 * message and exit status 2, never a stack trace.
 */
import { tuneV8ForBatchRun } from './batch-tuning';
import { runCheck } from './check-command';
import { runLsp } from './lsp-command';
import { USAGE, VERSION, usageError } from './usage';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      tuneV8ForBatchRun();
      return runCheck(rest);
    case 'lsp':
      return runLsp(rest);
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE());
      return command === undefined ? 2 : 0;
    default:
      return usageError(`unknown command \`${command}\``, `未知命令 \`${command}\``);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // Let pending output drain before the exit code is set. A report that could not be written
    // (check-command.ts) may have set a higher status already: it stays.
    if (code !== -1) process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
  },
  (e) => {
    process.stderr.write(`pilot-plan: internal error: ${(e as Error)?.stack ?? e}\nPlease report this with the file that caused it.\n`);
    process.exitCode = 3;
  },
);
