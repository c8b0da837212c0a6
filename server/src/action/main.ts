/**
 * The GitHub Action's entry point, bundled into action/index.js (action.yml runs it on
 * node20, with nothing installed beside it). Exits with the check's status; an internal
 * error is one `::error::` line, never a stack trace.
 */
import { formatMessage, defineMessages, localeFromEnv, msg } from '../engine/i18n/messages';
import { workflowData } from '../cli/formats/escape';
import { runAction } from './run-action';

defineMessages({
  'action.internal-error': {
    en: 'internal error: {reason}. Please report this with the plan that caused it.',
    zh: '内部错误：{reason}。请连同引发该错误的方案一并报告。',
  },
});

// A reader that stops reading (`| head`, by hand) is its own choice; another failure to write is said, with status 2.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') return;
  process.stderr.write(`pilot-plan: ${formatMessage(msg('action.unwritable', { path: '<stdout>', reason: e.code ?? e.message }), localeFromEnv())}\n`);
  process.exitCode = 2;
});

try {
  process.exitCode = runAction({ env: process.env, cwd: process.cwd(), write: (text) => void process.stdout.write(text) });
} catch (e) {
  const reason = String((e as Error)?.message ?? e);
  process.stdout.write(`::error::${workflowData(`pilot-plan: ${formatMessage(msg('action.internal-error', { reason }), localeFromEnv())}`)}\n`);
  process.exitCode = 3;
}
