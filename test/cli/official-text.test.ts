/**
 * A plan typed the way an official Chinese text writes it (test/fixtures/official-text: Chinese
 * unit spellings, the newer task areas, mechanism types and risk categories) checks clean with
 * the built CLI; the same plan with a unit of the wrong quantity, in Chinese, does not, and the
 * message names the allowed units in both spellings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { check, cleanup, cliJson, ROOT, tempTree } from './run-cli';

const FIXTURE = 'test/fixtures/official-text';

/** The fixture's files, `edit` applied to one of them. */
function fixtureWith(file: string, edit: (text: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(nodePath.join(ROOT, FIXTURE))) {
    const text = fs.readFileSync(nodePath.join(ROOT, FIXTURE, f), 'utf8');
    out[f] = f === file ? edit(text) : text;
  }
  return out;
}

describe('cli: a plan written as official texts write it', () => {
  it('checks clean: no finding of any rule, exit 0', () => {
    const { result, report } = cliJson([FIXTURE]);
    assert.equal(result.status, 0, result.stdout);
    assert.deepEqual(report.summary, { files: 4, errors: 0, warnings: 0, infos: 0 });
    // It does use what it is meant to show.
    const text = fs.readdirSync(nodePath.join(ROOT, FIXTURE)).map((f) => fs.readFileSync(nodePath.join(ROOT, FIXTURE, f), 'utf8')).join('\n');
    for (const s of ['unit: 万千瓦 }', 'unit: 万千瓦时 }', 'unit: 亿千瓦时 }', 'unit: 兆瓦 }', 'unit: 百万千瓦 }', 'unit: 亿吨二氧化碳 }', 'unit: 万吨二氧化碳/年 }', 'unit: 万吨二氧化碳当量/年 }', 'unit: 吨标准煤/万元']) {
      assert.ok(text.includes(s), s);
    }
    for (const s of ['area: agriculture-rural', 'area: industry-upgrading', 'area: green-economy', 'area: market-mechanism', 'area: pilot-demonstration', 'area: regional-cooperation']) assert.ok(text.includes(s), s);
    for (const s of ['type: green-power-trading', 'type: carbon-inclusive', 'type: fiscal-tax', 'type: energy-saving-review', 'type: carbon-disclosure']) assert.ok(text.includes(s), s);
    for (const s of ['category: supply-chain', 'category: food-security', 'category: livelihood', 'category: financial-debt']) assert.ok(text.includes(s), s);
  });

  it('finds a unit of the wrong quantity written in Chinese, naming the allowed units in both spellings', () => {
    const dir = tempTree(fixtureWith('projects.pilot.yaml', (t) => t.replace('capacity: { value: 10, unit: 万千瓦 }', 'capacity: { value: 10, unit: 万吨标准煤 }')));
    try {
      const { result, report } = cliJson(['.'], { cwd: dir });
      assert.equal(result.status, 1);
      const findings = report.files.flatMap((f) => f.findings.map((x) => ({ ...x, path: f.path })));
      assert.deepEqual(
        findings.map((f) => [f.path, f.code, f.line]),
        [['projects.pilot.yaml', 'unit-mismatch', 23]],
      );
      assert.match(findings[0].message, /the unit `万吨标准煤` is not allowed for `capacity`; use `kW` \(`千瓦`\), `MW` \(`兆瓦`\), `万kW` \(`万千瓦`\), `GW` \(`吉瓦`, `百万千瓦`\) or `亿kW` \(`亿千瓦`\)\. `万吨标准煤` is a unit of energy/);
      const zh = check(['.', '--locale', 'zh-CN'], { cwd: dir });
      assert.match(zh.stdout, /`capacity` 的单位 `万吨标准煤` 不符合要求，可用单位为 `kW`（`千瓦`）、`MW`（`兆瓦`）、`万kW`（`万千瓦`）、`GW`（`吉瓦`、`百万千瓦`）、`亿kW`（`亿千瓦`）/);
    } finally {
      cleanup(dir);
    }
  });
});
