/** Paths as people read them in messages and reports: relative, with `/` on every system. */
import * as nodePath from 'node:path';

export function toPosix(p: string): string {
  return p.split(nodePath.sep).join('/');
}

/** `file` relative to `base` with `/`; its own name when there is no base (a file under no plan). */
export function displayPath(base: string | undefined, file: string): string {
  const rel = base ? nodePath.relative(base, file) : '';
  return toPosix(rel || nodePath.basename(file));
}
