/**
 * `pilot-plan`: the command line. `check` runs the engine over
 * files; `report` draws a picture of one plan (HTML or Markdown); `export` lays it out in Word or Excel; `lsp --stdio` runs the language server. Usage problems get a clear
 * message and exit status 2, never a stack trace.
 */
import { runCheck } from './check-command';
import { runLsp } from './lsp-command';
import { runReportCommand } from './report-command';
import { runExportCommand } from './export-command';
import { USAGE, VERSION, usageError } from './usage';
import { localeFromEnv } from '../engine/i18n/messages';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Tests only: how an unexpected exception is reported (test/cli/internal-error.test.ts).
  if (process.env.PILOT_PLAN_FAULT_INJECTION === 'cli') throw new TypeError('injected fault');
  switch (command) {
    case 'check':
      return runCheck(rest);
    case 'lsp':
      return runLsp(rest);
    case 'report':
      return runReportCommand(rest);
    case 'export':
      return runExportCommand(rest);
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

/**
 * A check is done once its report is out: exit then, rather than when Node
 * would. At a natural exit Node tears the V8 heap down (60 MB after a 1,000-file
 * check) and waits for V8's background jobs; skipping that is 20–40 ms of a
 * check's wall time (files-100, files-1000; 30 alternating runs, twice).
 * Output still buffered (a pipe is asynchronous on some systems) is waited
 * for; setImmediate lets a failed write's 'error' handler set the status first.
 */
function exitWhenFlushed(): void {
  const exit = () => setImmediate(() => process.exit());
  const waiting = [process.stdout, process.stderr].filter((s) => s.writableLength > 0 && !s.destroyed && !s.errored);
  let left = waiting.length;
  if (!left) return void exit();
  for (const s of waiting) {
    let settled = false;
    const once = () => {
      if (settled) return;
      settled = true;
      if (--left === 0) exit();
    };
    s.once('drain', once);
    s.once('error', once);
    s.once('close', once);
  }
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    // Let pending output drain before the exit code is set. A report that could not be written
    // (check-command.ts) may have set a higher status already: it stays.
    if (code !== -1) process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
    if (argv[0] === 'check') exitWhenFlushed();
  },
  (e) => {
    // One sentence for the person; the stack only when asked for (PILOT_PLAN_DEBUG=1), for the report.
    const detail = process.env.PILOT_PLAN_DEBUG ? `\n${(e as Error)?.stack ?? e}` : '';
    process.stderr.write(
      localeFromEnv() === 'zh-CN'
        ? `pilot-plan：内部错误：${(e as Error)?.message ?? e}。请连同引发问题的文件一起报告（设置 PILOT_PLAN_DEBUG=1 可显示详细信息）。${detail}\n`
        : `pilot-plan: internal error: ${(e as Error)?.message ?? e}. Please report this with the file that caused it (PILOT_PLAN_DEBUG=1 shows the details).${detail}\n`,
    );
    process.exitCode = 3;
  },
);
