// Generates syntaxes/pilot-plan.tmLanguage.json: `node syntaxes/generate.mjs` writes it,
// `node syntaxes/generate.mjs --check` exits 1 if the JSON file is not what this script makes.
// The regexes are Oniguruma (TextMate); test/client/grammar.test.ts compiles them in JS too.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const ID = '[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*';
const END = '(?=[\\t ]*(?:#|$))';            // value ends the line (a comment may follow)
const END_FLOW = '(?=[\\t ]*(?:#|$|[,}\\]]))'; // … or ends a flow entry
// The units of the format: every spelling of the schemas' unit enums (万kW and 万千瓦 alike), and %;
// longest first, so that an alternative is never the start of a later one (万tCO2/a before tCO2/a).
const COMMON = JSON.parse(readFileSync(fileURLToPath(new URL('../schemas/common.schema.json', import.meta.url)), 'utf8'));
const KNOWN_UNITS = [
  ...new Set(Object.values(COMMON.$defs).flatMap((d) => d.properties?.unit?.enum ?? [])),
  '%',
].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const UNIT = KNOWN_UNITS.map(esc).join('|');
const YEAR = '(?:19|20)[0-9]{2}';
const YEAR_KEYS = ['year', 'baseYear', 'horizon', 'due', 'milestone', 'referenceYear', 'start', 'end'];
const REF_KEYS = ['indicators', 'dependsOn', 'tasks', 'affects'];
// Oniguruma look-behinds must have a fixed length, but top-level alternatives may differ:
// `(?<=\bkey: |\bkey:\t|…)` — the value right after `key:` and one space or tab.
const after = (keys) => `(?<=${keys.flatMap((k) => [`\\b${k}: `, `\\b${k}:\\t`]).join('|')})`;

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Pilot Plan',
  scopeName: 'source.pilot-plan',
  comment:
    'Pilot plan YAML (*.pilot.yaml). The YAML itself is tokenized by VS Code\'s YAML grammar (source.yaml); ' +
    'the injection below runs first at every position (L: priority) and marks IDs, references, years, units, ' +
    'apiVersion and kind. A rule matches only the value, right after its key (a look-behind), so the YAML grammar still ' +
    'parses keys and structure; the injection wins where a value starts. Values after more than one space are not marked.',
  patterns: [{ include: 'source.yaml' }],
  injections: {
    'L:source.pilot-plan -comment -string -meta.scalar.yaml': {
      patterns: [
        { include: '#api-version' },
        { include: '#kind' },
        { include: '#id-definition' },
        { include: '#reference-list-flow' },
        { include: '#reference-item' },
        { include: '#target-years' },
        { include: '#year-value' },
        { include: '#year-item' },
        { include: '#unit-value' },
      ],
    },
  },
  repository: {
    'api-version': {
      comment: 'apiVersion: pilot-plan/v1 (a top-level key).',
      match: `(?<=^apiVersion: )(?:(pilot-plan/v[0-9]+)|(["'])(pilot-plan/v[0-9]+)(\\2))${END}`,
      captures: {
        1: { name: 'support.constant.api-version.pilot-plan' },
        2: { name: 'string.quoted.yaml punctuation.definition.string.begin.yaml' },
        3: { name: 'support.constant.api-version.pilot-plan' },
        4: { name: 'string.quoted.yaml punctuation.definition.string.end.yaml' },
      },
    },
    kind: {
      comment: 'kind: Plan | Tasks | Projects | Indicators | Progress (a top-level key).',
      match: `(?<=^kind: )(Plan|Tasks|Projects|Indicators|Progress)${END}`,
      captures: { 1: { name: 'entity.name.type.kind.pilot-plan' } },
    },
    'id-definition': {
      comment: 'id: T-ENERGY-01 defines an ID (plan, task, project, indicator, mechanism, action, risk).',
      match: `${after(['id'])}${ID}${END_FLOW}`,
      name: 'entity.name.tag.id.pilot-plan variable.other.definition.pilot-plan',
    },
    'reference-list-flow': {
      comment: 'indicators: [IND-1, IND-2], dependsOn: […], tasks: […], affects: […]: references in a flow sequence.',
      begin: `${after(REF_KEYS)}\\[`,
      beginCaptures: { 0: { name: 'punctuation.definition.sequence.begin.yaml' } },
      end: '\\]',
      endCaptures: { 0: { name: 'punctuation.definition.sequence.end.yaml' } },
      name: 'meta.flow.sequence.yaml meta.reference-list.pilot-plan',
      patterns: [
        { match: `${ID}(?=[\\t ]*(?:[,\\]]|$))`, name: 'variable.other.reference.pilot-plan' },
        { match: ',', name: 'punctuation.separator.sequence.yaml' },
        { match: '[\\t ]++', name: 'punctuation.whitespace.separator.yaml' },
        { begin: '(?<=[\\t ]|^)#', end: '$', name: 'comment.line.number-sign.yaml', beginCaptures: { 0: { name: 'punctuation.definition.comment.yaml' } } },
      ],
    },
    'reference-item': {
      comment: 'A block list item that is a lone ID (`- T-ENERGY-01`): a reference (only reference lists hold bare IDs).',
      match: `(?<=-[\\t ])${ID}${END}`,
      name: 'variable.other.reference.pilot-plan',
    },
    'target-years': {
      comment: 'targetYears: [2025, 2030]',
      begin: `${after(['targetYears'])}\\[`,
      beginCaptures: { 0: { name: 'punctuation.definition.sequence.begin.yaml' } },
      end: '\\]',
      endCaptures: { 0: { name: 'punctuation.definition.sequence.end.yaml' } },
      name: 'meta.flow.sequence.yaml',
      patterns: [
        { match: `\\b${YEAR}\\b`, name: 'constant.numeric.year.pilot-plan' },
        { match: ',', name: 'punctuation.separator.sequence.yaml' },
        { match: '[\\t ]++', name: 'punctuation.whitespace.separator.yaml' },
      ],
    },
    'year-value': {
      comment: 'year: 2025, baseYear, horizon, due, milestone, referenceYear, start/end (a year or YYYY-MM, maybe quoted).',
      match: `${after(YEAR_KEYS)}(["']?)(${YEAR})(?:(-)(0[1-9]|1[0-2]))?(\\1)${END_FLOW}`,
      captures: {
        1: { name: 'punctuation.definition.string.begin.yaml' },
        2: { name: 'constant.numeric.year.pilot-plan' },
        3: { name: 'punctuation.separator.date.pilot-plan' },
        4: { name: 'constant.numeric.month.pilot-plan' },
        5: { name: 'punctuation.definition.string.end.yaml' },
      },
    },
    'year-item': {
      comment: 'A block list item that is a year (`- 2025` under targetYears).',
      match: `(?<=-[\\t ])${YEAR}${END}`,
      name: 'constant.numeric.year.pilot-plan',
    },
    'unit-value': {
      comment: 'unit: 亿元 … — the units of the format, and any other unit text (level and intensity indicators).',
      match: `${after(['unit'])}(?:(["'])(${UNIT})(\\1)|(${UNIT})|(["'])([^"'#]+?)(\\5)|([^\\s"'#,{}\\[\\]][^#,{}\\[\\]]*?))${END_FLOW}`,
      captures: {
        1: { name: 'punctuation.definition.string.begin.yaml' },
        2: { name: 'constant.other.unit.pilot-plan' },
        3: { name: 'punctuation.definition.string.end.yaml' },
        4: { name: 'constant.other.unit.pilot-plan' },
        5: { name: 'punctuation.definition.string.begin.yaml' },
        6: { name: 'constant.other.unit.custom.pilot-plan' },
        7: { name: 'punctuation.definition.string.end.yaml' },
        8: { name: 'constant.other.unit.custom.pilot-plan' },
      },
    },
  },
};
const out = fileURLToPath(new URL('./pilot-plan.tmLanguage.json', import.meta.url));
const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error('syntaxes/pilot-plan.tmLanguage.json is out of date: run node syntaxes/generate.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
}
