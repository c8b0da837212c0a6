/** README.md's generated sections (rule table, usage) equal what the code makes of them now. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { SECTIONS, withSections } from '../../scripts/readme-sections';
import { RULES } from '../../server/src/engine/rules/registry';
import { repoRoot } from '../util/plan';

describe('README.md', () => {
  const readme = fs.readFileSync(nodePath.join(repoRoot(), 'README.md'), 'utf8');

  it('has its generated sections as the code makes them (run `node scripts/readme.mjs`)', () => {
    assert.equal(readme, withSections(readme));
  });

  it('lists every rule, each linking to its page', () => {
    for (const r of RULES) {
      assert.ok(readme.includes(`[\`${r.code}\`](docs/rules/${r.code}.md)`), r.code);
      assert.ok(fs.existsSync(nodePath.join(repoRoot(), 'docs', 'rules', `${r.code}.md`)), `docs/rules/${r.code}.md`);
    }
    assert.equal(SECTIONS.rules().split('\n').length, RULES.length + 2);
  });

  it('links only to files that exist in the repository', () => {
    for (const m of readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      const target = m[1];
      if (/^[a-z]+:/.test(target)) continue;
      assert.ok(fs.existsSync(nodePath.join(repoRoot(), target)), `README.md links to ${target}, which does not exist`);
    }
  });
});
