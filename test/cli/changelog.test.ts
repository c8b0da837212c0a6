/**
 * CHANGELOG.md, which the npm package ships: its released version is package.json's, every entry
 * reads in both languages, and it and bench/README.md speak of the project, not of the machines or
 * work sessions its measurements came from (the generated tables of bench/README.md aside: the
 * bench writes the machine it ran on there).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { ROOT } from './run-cli';

const read = (p: string) => fs.readFileSync(nodePath.join(ROOT, p), 'utf8');
const HAN = /[\u4e00-\u9fff]/;

/** A Markdown list's items, each with its continuation lines. */
function items(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/^- /.test(line)) out.push(line);
    else if (/^ {2}\S/.test(line) && out.length) out[out.length - 1] += '\n' + line;
    else if (!/^ {2}/.test(line)) out.push('');
  }
  return out.filter(Boolean);
}

describe('CHANGELOG.md', () => {
  const changelog = read('CHANGELOG.md');
  const version = (JSON.parse(read('package.json')) as { version: string }).version;

  it('starts with Unreleased, then the version package.json gives, dated', () => {
    const versions = [...changelog.matchAll(/^## \[([^\]]+)\](.*)$/gm)].map((m) => [m[1], m[2].trim()]);
    assert.equal(versions[0]?.[0], 'Unreleased');
    assert.equal(versions[1]?.[0], version, `the latest release in CHANGELOG.md is not package.json's ${version}`);
    assert.match(versions[1][1], /^- \d{4}-\d{2}-\d{2}$/);
  });

  it('gives every entry in English and in Chinese', () => {
    const list = items(changelog);
    assert.ok(list.length >= 20, `only ${list.length} entries found`);
    for (const item of list) {
      assert.match(item, HAN, `no Chinese in: ${item}`);
      assert.match(item.split('\n')[0], /[A-Za-z]{3,}/, `no English in: ${item}`);
    }
  });
});
