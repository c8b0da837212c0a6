/**
 * Writing a report to a file (`--output`, the action's `sarif-file`) without destroying
 * anything: never over a file being checked (whatever path leads to it), never to a name a
 * pilot plan or its configuration has, never through a symbolic link. A refusal is a
 * message and nothing written; shared by `pilot-plan check` and the GitHub Action.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { defineMessages, msg, type Message } from '../engine/i18n/messages';
import { CONFIG_FILE_NAME } from '../engine/plan/config';
import { isPilotFile } from '../engine/plan/workspace';

defineMessages({
  'output.unwritable': { en: '{path}: cannot write the report ({reason}).', zh: '{path}：无法写入报告（{reason}）。' },
  'output.refused.plan-name': {
    en: '{path}: the report is not written: a pilot plan file or configuration file (*.pilot.yaml, *.pilot.yml, pilot-plan.config.yaml) is never overwritten by a report. Choose another file name.',
    zh: '{path}：未写入报告：报告不会覆盖试点方案文件或配置文件（*.pilot.yaml、*.pilot.yml、pilot-plan.config.yaml）。请另选文件名。',
  },
  'output.refused.input': {
    en: '{path}: the report is not written: this file is one of the files checked. Choose another file.',
    zh: '{path}：未写入报告：该文件是被检查的文件之一。请另选文件。',
  },
  'output.refused.symlink': {
    en: '{path}: the report is not written: this is a symbolic link, and writing through it would overwrite the file it points to. Remove the link or choose another file.',
    zh: '{path}：未写入报告：这是一个符号链接，通过它写入会覆盖其指向的文件。请删除该链接或另选文件。',
  },
});

/** Opens without following a symbolic link as the last part of the path (POSIX); the lstat below says why first. */
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** The same file on disk: the same device and inode (any path, hard links included). */
function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && (a.ino !== 0 || a.dev !== 0);
}

/**
 * Why `file` may not receive a report, or undefined. `inputs` are the files checked
 * (absolute): the report may not be any of them, by whatever path.
 */
export function refusal(file: string, shown: string, inputs: Iterable<string>): Message | undefined {
  const name = nodePath.basename(file);
  if (isPilotFile(name) || name === CONFIG_FILE_NAME) return msg('output.refused.plan-name', { path: shown });
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(file);
  } catch {
    st = undefined; // a new file: no input is at this path (inputs exist), and no link either
  }
  if (!st) return undefined;
  if (st.isSymbolicLink()) return msg('output.refused.symlink', { path: shown });
  for (const input of inputs) {
    if (nodePath.resolve(input) === file) return msg('output.refused.input', { path: shown });
    try {
      if (sameFile(fs.statSync(input), st)) return msg('output.refused.input', { path: shown });
    } catch {
      // an input that is gone cannot be overwritten
    }
  }
  return undefined;
}

/**
 * Writes `text` to `file` (absolute; its folders made), unless refusal() says why not; a
 * problem (why it was refused, or why it could not be written) or undefined.
 */
export function writeReport(file: string, shown: string, text: string | Uint8Array, inputs: Iterable<string>): Message | undefined {
  const refused = refusal(file, shown, inputs);
  if (refused) return refused;
  let fd: number | undefined;
  try {
    fs.mkdirSync(nodePath.dirname(file), { recursive: true });
    // O_NOFOLLOW: a link made between the check above and now is refused by the system (ELOOP), not followed.
    fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | NO_FOLLOW, 0o666);
    fs.writeFileSync(fd, text);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return msg('output.refused.symlink', { path: shown });
    return msg('output.unwritable', { path: shown, reason: code ?? String(e) });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
