/**
 * Checking the shipped example folders with the engine, the way the CLI does,
 * and reading the expectations planted in examples/broken:
 *   `# expect: code[, code]`  — findings starting on this line;
 *   `# expect-line N: code`  — findings starting on line N (for lines that cannot carry a comment).
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { NodeFileHost } from '../../server/src/engine/plan/node-host';
import { checkFiles } from '../../server/src/engine/checker';
import { locate, type LocatedFinding } from '../../server/src/engine/output/located';
import { repoRoot } from './plan';

export interface FileFindings {
  path: string;
  findings: LocatedFinding[];
}

export function pilotFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = nodePath.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.pilot\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Findings for every pilot file under `dir`, paths relative to the repository, English messages. */
export function checkFolder(dir: string): FileFindings[] {
  const root = repoRoot();
  const ws = new Workspace(new NodeFileHost(), { snapshot: true });
  return checkFiles(ws, pilotFilesUnder(dir), (_r, e) => {
    throw e;
  }).map((r) => ({
    path: nodePath.relative(root, r.path).split(nodePath.sep).join('/'),
    findings: r.findings.map((f) => locate(f, r.lines, 'en')),
  }));
}

/** `file:line code` for every planted expectation under `dir`. */
export function expectations(dir: string): string[] {
  const root = repoRoot();
  const out: string[] = [];
  for (const file of pilotFilesUnder(dir)) {
    const rel = nodePath.relative(root, file).split(nodePath.sep).join('/');
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    text.split(/\r\n|\r|\n/).forEach((line, i) => {
      const at = /#\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/.exec(line);
      if (at) for (const code of at[1].split(',')) out.push(`${rel}:${i + 1} ${code.trim()}`);
      const other = /#\s*expect-line\s+(\d+):\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/.exec(line);
      if (other) for (const code of other[2].split(',')) out.push(`${rel}:${other[1]} ${code.trim()}`);
    });
  }
  return out.sort();
}
