// Writes README.md's generated sections (the rule table, the checker's usage) from the code:
// node scripts/readme.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTs } from './load-ts.mjs';

const root = new URL('..', import.meta.url).pathname;
const { withSections } = await loadTs(join(root, 'scripts/readme-sections.ts'));
const path = join(root, 'README.md');
const before = readFileSync(path, 'utf8');
const after = withSections(before);
writeFileSync(path, after);
console.log(before === after ? 'README.md is up to date' : 'README.md: generated sections rewritten');
