/**
 * The runner's file commands: a step sets its outputs by appending `name=value` lines to
 * the file named by GITHUB_OUTPUT (a value with a line break goes between heredoc
 * delimiters), and its job summary by appending Markdown to the file named by
 * GITHUB_STEP_SUMMARY. Outside a runner neither variable is set, and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { defineMessages, msg, type Message } from '../engine/i18n/messages';

defineMessages({
  'action.unwritable': { en: '{path}: cannot write ({reason}).', zh: '{path}：无法写入（{reason}）。' },
});

/** One output as the runner reads it from GITHUB_OUTPUT. */
export function outputEntry(name: string, value: string): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
  // The runner takes everything up to a line holding only the delimiter: one the value cannot contain.
  let delimiter: string;
  do delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter));
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** Appends `text` to the file a runner variable names; a problem when it cannot. */
export function appendToRunnerFile(env: NodeJS.ProcessEnv, variable: 'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY', text: string): Message | undefined {
  const file = env[variable];
  if (!file) return undefined;
  try {
    fs.appendFileSync(file, text);
    return undefined;
  } catch (e) {
    return msg('action.unwritable', { path: `${variable} (${file})`, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}
