/**
 * Test helpers for the GitHub Action: run the COMMITTED bundle as the runner does. action.yml
 * and action/ alone are copied into an empty folder (no node_modules, nothing installed), and
 * `node <folder>/action/index.js` runs with the workspace as its working directory, the inputs
 * as INPUT_* variables, and GITHUB_WORKSPACE, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY set.
 * Also the runner's side of the protocols: parsing workflow commands and the output file.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { assertNoStack, englishEnv, ROOT } from '../cli/run-cli';

let copied: string | undefined;

/** The action as a workflow gets it: action.yml and action/, copied once per test run into an empty folder. */
export function actionFolder(): string {
  if (copied) return copied;
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-action-'));
  fs.copyFileSync(nodePath.join(ROOT, 'action.yml'), nodePath.join(dir, 'action.yml'));
  fs.cpSync(nodePath.join(ROOT, 'action'), nodePath.join(dir, 'action'), { recursive: true });
  assert.deepEqual(fs.readdirSync(dir).sort(), ['action', 'action.yml']);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return (copied = dir);
}

/** A fresh workspace folder holding copies of repository folders (paths with `/`, kept as they are) and extra files. */
export function workspace(folders: string[], files: Record<string, string> = {}): string {
  const ws = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-ws-'));
  for (const f of folders) fs.cpSync(nodePath.join(ROOT, ...f.split('/')), nodePath.join(ws, ...f.split('/')), { recursive: true });
  for (const [p, text] of Object.entries(files)) {
    const abs = nodePath.join(ws, ...p.split('/'));
    fs.mkdirSync(nodePath.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  return ws;
}

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT as the runner reads it. */
  outputs: Record<string, string>;
  /** GITHUB_STEP_SUMMARY's contents. */
  summary: string;
  /** The workflow commands printed, parsed as the runner parses them. */
  commands: WorkflowCommand[];
}

export interface RunOptions {
  workspace: string;
  /** By input name as action.yml spells it; the variable is made as the runner makes it. */
  inputs?: Record<string, string>;
  /** The working directory; the workspace when absent (as on a runner). */
  cwd?: string;
  /** Variables to set (or, with undefined, to leave out) over the runner's. */
  env?: Record<string, string | undefined>;
}

/** The variable the runner sets for an input: the name upper-cased, spaces as `_`, hyphens kept. */
export function runnerInputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Runs the bundle; checks what every run must satisfy (a status of the contract, no stack trace). */
export function runAction(opts: RunOptions): ActionRun {
  const files = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-runner-'));
  try {
    const outputFile = nodePath.join(files, 'output');
    const summaryFile = nodePath.join(files, 'summary');
    fs.writeFileSync(outputFile, '');
    fs.writeFileSync(summaryFile, '');
    const env: NodeJS.ProcessEnv = englishEnv();
    // The suite may itself run in a workflow: none of its variables leak into the action.
    for (const k of Object.keys(env)) if (/^(INPUT_|GITHUB_|RUNNER_|NODE_PATH$)/.test(k)) delete env[k];
    Object.assign(env, { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: opts.workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile });
    for (const [name, value] of Object.entries(opts.inputs ?? {})) env[runnerInputVariable(name)] = value;
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    const r = spawnSync(process.execPath, [nodePath.join(actionFolder(), 'action', 'index.js')], {
      cwd: opts.cwd ?? opts.workspace,
      env,
      encoding: 'utf8',
      timeout: 30000,
    });
    if (r.error) throw r.error;
    const read = (f: string) => (fs.statSync(f).isFile() ? fs.readFileSync(f, 'utf8') : '');
    const run: ActionRun = {
      status: r.status,
      stdout: r.stdout,
      stderr: r.stderr,
      outputs: parseOutputFile(read(env.GITHUB_OUTPUT ?? outputFile)),
      summary: read(env.GITHUB_STEP_SUMMARY ?? summaryFile),
      commands: r.stdout
        .split('\n')
        .map(parseWorkflowCommand)
        .filter((c): c is WorkflowCommand => c !== undefined),
    };
    assertNoStack(run);
    assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `unexpected exit status ${run.status}; stdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
    return run;
  } finally {
    fs.rmSync(files, { recursive: true, force: true });
  }
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** The runner's unescaping of a command's data and property values. */
function unescape(s: string, property: boolean): string {
  const table: [string, string][] = [
    ['%0D', '\r'],
    ['%0A', '\n'],
    ...(property ? ([['%3A', ':'], ['%2C', ',']] as [string, string][]) : []),
    ['%25', '%'],
  ];
  return table.reduce((t, [from, to]) => t.split(from).join(to), s);
}

/**
 * A line as the runner parses it (its ActionCommand.TryParseV2): `::` after leading spaces, the
 * command and its properties up to the next `::`, properties split at `,` and at their first `=`,
 * the rest of the line the data. Undefined for a line that is not a command.
 */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const text = line.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = text.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const p of info.slice(space + 1).split(',')) {
      const eq = p.indexOf('=');
      if (eq > 0) properties[p.slice(0, eq)] = unescape(p.slice(eq + 1), true);
    }
  }
  return { command, properties, message: unescape(text.slice(end + 2), false) };
}

/** GITHUB_OUTPUT as the runner reads it: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      assert.ok(i < lines.length, `the output ${heredoc[1]} has no closing delimiter`);
      out[heredoc[1]] = body.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    assert.ok(eq > 0, `not an output line: ${JSON.stringify(line)}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/** The findings the annotations give, as `path:line code`. */
export function annotated(run: ActionRun): string[] {
  return run.commands.filter((c) => c.properties.file !== undefined).map((c) => `${c.properties.file}:${c.properties.line} ${c.properties.title?.replace(/^pilot-plan /, '')}`);
}
