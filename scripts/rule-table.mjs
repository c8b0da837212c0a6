// Prints the README's rule table from the rule registry (run after a build):
// node scripts/rule-table.mjs
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
const require = createRequire(import.meta.url);
const out = '/tmp/pilot-plan-rules.js';
await esbuild.build({ entryPoints: ['server/src/engine/rules/registry.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error', define: { 'import.meta.url': '""' } });
const { RULES } = require(out);
console.log('| code | default | what it finds | 发现什么 |\n|---|---|---|---|');
for (const r of RULES) console.log(`| [\`${r.code}\`](docs/rules/${r.code}.md) | ${r.defaultSeverity} | ${r.title.en} | ${r.title.zh} |`);
