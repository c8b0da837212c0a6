import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../util/plan';

const root = repoRoot();

interface RawRule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  name?: string;
  include?: string;
  patterns?: RawRule[];
  [k: string]: unknown;
}

/** Every regex of the grammar, with where it is. */
function regexes(grammar: { repository: Record<string, RawRule>; injections: Record<string, RawRule>; patterns: RawRule[] }): [string, string][] {
  const out: [string, string][] = [];
  const walk = (r: RawRule, where: string) => {
    for (const k of ['match', 'begin', 'end', 'while'] as const) if (typeof r[k] === 'string') out.push([`${where}.${k}`, r[k]!]);
    r.patterns?.forEach((p, i) => walk(p, `${where}.patterns[${i}]`));
  };
  for (const [k, r] of Object.entries(grammar.repository)) walk(r, k);
  for (const [k, r] of Object.entries(grammar.injections)) walk(r, `injection ${k}`);
  grammar.patterns.forEach((p, i) => walk(p, `patterns[${i}]`));
  return out;
}

/** Oniguruma → JS for a compile check: possessive quantifiers become greedy ones. */
function toJs(re: string): RegExp {
  return new RegExp(re.replace(/([*+?}])\+/g, '$1'));
}

/** The contents of each look-behind `(?<=…)` / `(?<!…)`. */
function lookBehinds(re: string): string[] {
  const out: string[] = [];
  for (let i = re.indexOf('(?<'); i >= 0; i = re.indexOf('(?<', i + 1)) {
    if (re[i + 3] !== '=' && re[i + 3] !== '!') continue;
    let depth = 0;
    let j = i;
    for (; j < re.length; j++) {
      if (re[j] === '\\') {
        j++;
        continue;
      }
      if (re[j] === '(') depth++;
      if (re[j] === ')' && --depth === 0) break;
    }
    out.push(re.slice(i + 4, j));
  }
  return out;
}

describe('client: TextMate grammar', () => {
  const file = path.join(root, 'syntaxes/pilot-plan.tmLanguage.json');
  const grammar = JSON.parse(fs.readFileSync(file, 'utf8'));
  const rx = regexes(grammar);
  const rule = (name: string) => toJs(grammar.repository[name].match ?? grammar.repository[name].begin);

  it('is valid JSON that builds on the YAML grammar', () => {
    assert.equal(grammar.scopeName, 'source.pilot-plan');
    assert.deepEqual(grammar.patterns, [{ include: 'source.yaml' }]);
    const [selector] = Object.keys(grammar.injections);
    assert.match(selector, /^L:source\.pilot-plan /);
    for (const inc of grammar.injections[selector].patterns) {
      assert.ok(grammar.repository[inc.include.slice(1)], `${inc.include} is not in the repository`);
    }
  });

  it('is what syntaxes/generate.mjs makes', () => {
    execFileSync(process.execPath, [path.join(root, 'syntaxes/generate.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('every regex compiles (in JS, possessive quantifiers relaxed)', () => {
    assert.ok(rx.length > 15);
    for (const [where, re] of rx) assert.doesNotThrow(() => toJs(re), where);
  });

  it('look-behinds have a fixed length in each alternative (Oniguruma requires it)', () => {
    for (const [where, re] of rx) {
      for (const lb of lookBehinds(re)) {
        for (const alt of lb.split(/(?<!\\)\|/)) {
          assert.doesNotMatch(alt.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x'), /[*+?{(]/, `${where}: look-behind alternative ${alt}`);
        }
      }
    }
  });

  it('marks IDs, references, years, units, apiVersion and kind (regexes on sample lines)', () => {
    const at = (re: RegExp, line: string) => {
      const m = new RegExp(re.source, 'g').exec(line);
      return m ? line.slice(m.index, m.index + m[0].length) : undefined;
    };
    assert.equal(at(rule('api-version'), 'apiVersion: pilot-plan/v1'), 'pilot-plan/v1');
    assert.equal(at(rule('kind'), 'kind: Indicators'), 'Indicators');
    assert.equal(at(rule('kind'), '  kind: Indicators'), undefined, 'kind only at the top level');
    assert.equal(at(rule('id-definition'), '  - id: T-ENERGY-01'), 'T-ENERGY-01');
    assert.equal(at(rule('id-definition'), '  - id: T-ENERGY-01  # comment'), 'T-ENERGY-01');
    assert.equal(at(rule('id-definition'), '  - id: t-energy'), undefined);
    assert.equal(at(rule('id-definition'), '    title: 推进 T-1'), undefined);
    assert.equal(at(rule('reference-list-flow'), '    dependsOn: [T-GRID-01]'), '[');
    assert.equal(at(rule('reference-list-flow'), '    partners: [市能源局]'), undefined);
    assert.equal(at(rule('reference-item'), '      - T-GRID-01'), 'T-GRID-01');
    assert.equal(at(rule('reference-item'), '      - 市能源局'), undefined);
    assert.equal(at(rule('year-value'), '    due: 2025'), '2025');
    assert.equal(at(rule('year-value'), '    start: 2024-03'), '2024-03');
    assert.equal(at(rule('year-value'), '      - { year: 2030, value: 65 }'), '2030');
    assert.equal(at(rule('year-value'), '    value: 2030'), undefined);
    assert.equal(at(rule('year-item'), '  - 2030'), '2030');
    assert.equal(at(rule('target-years'), 'targetYears: [2025, 2030]'), '[');
    for (const u of ['亿元', '万元', '元', 'kW', 'MW', 'GW', '万kW', 'tCO2/a', '万tCO2/a', 'MtCO2/a', 'tCO2', '万tCO2', '亿tCO2', 'tce', '万tce', '"%"']) {
      assert.equal(at(rule('unit-value'), `    investment: { value: 1, unit: ${u} }`), u, u);
    }
    assert.equal(at(rule('unit-value'), '    unit: tce/万元'), 'tce/万元');
    // Every spelling of the schemas' units is a unit of the format (万千瓦 as 万kW), marked as such.
    const common = JSON.parse(fs.readFileSync(path.join(root, 'schemas/common.schema.json'), 'utf8'));
    const spellings: string[] = Object.values(common.$defs as Record<string, { properties?: { unit?: { enum?: string[] } } }>).flatMap((d) => d.properties?.unit?.enum ?? []);
    assert.ok(spellings.includes('万千瓦') && spellings.includes('亿千瓦时'));
    for (const u of spellings) {
      const m = new RegExp(rule('unit-value').source).exec(`    capacity: { value: 1, unit: ${u} }`);
      assert.equal(m?.[4], u, `${u} is a known unit (capture 4), not custom text`);
    }
  });

  it('the language configuration keeps IDs whole and indents after a key', () => {
    const conf = JSON.parse(fs.readFileSync(path.join(root, 'language-configuration.json'), 'utf8'));
    const words = '  - id: T-ENERGY-01 dependsOn: [T-GRID-01, P7]'.match(new RegExp(conf.wordPattern, 'g'));
    assert.deepEqual(words, ['id', 'T-ENERGY-01', 'dependsOn', 'T-GRID-01', 'P7']);
    const rules: { beforeText: string; action: { indent: string; appendText?: string } }[] = conf.onEnterRules;
    const first = (line: string) => rules.find((r) => new RegExp(r.beforeText).test(line))?.action;
    assert.deepEqual(first('tasks:'), { indent: 'indent' });
    assert.deepEqual(first('  - targets:  # 目标'), { indent: 'indent', appendText: '  ' });
    assert.deepEqual(first('  - id: T-1'), { indent: 'none', appendText: '  ' });
    assert.equal(first('    title: 标题'), undefined);
    assert.deepEqual(conf.comments, { lineComment: '#' });
  });
});
