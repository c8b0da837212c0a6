import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inNodeHost } from './env';
import { EXTENSION_ID, diagKey, editLine, lineOf, open, save, waitFor, waitForDiagnostics, wsUri } from './util';

/**
 * The language server's processes: descendants of this extension host whose
 * command line runs the extension's bundled server (dist/server.js, or the CLI's
 * `lsp` subcommand). Descendants only, so another VS Code on the machine is safe.
 */
function serverPids(): number[] {
  // Required here, not imported: the web worker host has no child_process, and never calls this.
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const server = vscode.Uri.joinPath(ext.extensionUri, 'dist', 'server.js').fsPath;
  const cli = vscode.Uri.joinPath(ext.extensionUri, 'dist', 'cli.js').fsPath;
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => !!m)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const children = new Map<number, number[]>();
  for (const r of rows) children.set(r.ppid, [...(children.get(r.ppid) ?? []), r.pid]);
  const mine = new Set<number>();
  const stack = [process.pid];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) if (!mine.has(c)) (mine.add(c), stack.push(c));
  }
  return rows
    .filter((r) => mine.has(r.pid) && (r.args.includes(server) || (r.args.includes(cli) && / lsp\b/.test(r.args))))
    .map((r) => r.pid);
}

describe('server restart', () => {
  // In the browser the language server is a web worker of the extension host, not a process this test can find and kill.
  const nodeOnly = inNodeHost ? it : it.skip;
  const why = inNodeHost ? '' : ' (not in the web worker host: its language server is a web worker, not a process to kill)';
  nodeOnly(`after the server process is killed, findings are served again after a change${why}`, async () => {
    const uri = wsUri('guangzhou', 'tasks', 'energy.pilot.yaml');
    const doc = await open(uri, true);
    const [old] = await waitFor('the language server process', () => {
      const p = serverPids();
      return p.length ? p : undefined;
    });
    process.kill(old, 'SIGKILL');
    await waitFor(`server ${old} to be gone`, () => !serverPids().includes(old));
    const fresh = await waitFor('a new language server process', () => serverPids().find((p) => p !== old), 30_000);
    assert.notEqual(fresh, old);

    // A change after the restart gets a finding from the new server.
    const line = lineOf(doc.getText(), /^ {4}indicators: \[IND-VPP-CAPACITY\]/);
    await editLine(doc, line, 'IND-VPP-CAPACITY', 'IND-AFTER-RESTART');
    await waitForDiagnostics(uri, (ds) => ds.some((d) => diagKey(d) === `unresolved-reference@${line}`), `unresolved-reference@${line} from the restarted server`, 30_000);
    await editLine(doc, line, 'IND-AFTER-RESTART', 'IND-VPP-CAPACITY');
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => d.range.start.line + 1 === line), 'the finding to go');
    await save(doc);
  });
});
