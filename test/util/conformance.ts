/** The YAML conformance corpus (test/fixtures/yaml-test-suite, with its licence): one case per folder holding an in.yaml. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './plan';

export const conformanceSuite = path.join(repoRoot(), 'test', 'fixtures', 'yaml-test-suite');

export interface ConformanceCase {
  /** Folder path under the suite, with `/`. */
  name: string;
  dir: string;
  /** The case's input text. */
  text: string;
}

/** Every case, sorted by name; throws when the corpus is missing, so the suite cannot pass on nothing. */
export function conformanceCases(): ConformanceCase[] {
  const out: ConformanceCase[] = [];
  if (!fs.existsSync(conformanceSuite)) throw new Error(`the YAML conformance corpus is missing: ${conformanceSuite}`);
  const walk = (dir: string, name: string) => {
    const input = path.join(dir, 'in.yaml');
    if (fs.existsSync(input)) out.push({ name, dir, text: fs.readFileSync(input, 'utf8') });
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(dir, e.name), name ? `${name}/${e.name}` : e.name);
  };
  walk(conformanceSuite, '');
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
