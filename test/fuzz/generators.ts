/**
 * fast-check arbitraries for the engine's fuzz suite: plan-like YAML with the
 * hostile classes of input mixed in — deep nesting, numeric-looking scalars,
 * CR / LF / CRLF line breaks, comments and the suppression directive inside
 * scalars, duplicate IDs, anchors and aliases, odd configuration files — and
 * byte-level damage on top.
 */
import * as fc from 'fast-check';
import { RULE_CODES } from '../../server/src/engine/findings';
import { MAX_DEPTH } from '../../server/src/engine/parse/depth';
import { numericLookingScalars } from '../util/parse-paths';

const DIRECTIVE = 'pilot-plan-disable-next-line';

/** A plain or quoted scalar of the kinds plans hold and the kinds that confuse parsers. */
export const scalar: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...numericLookingScalars()) },
  { weight: 3, arbitrary: fc.constantFrom('T-1', 'T-2', 'IND-1', 'P-1', '推进能源转型', '市发展改革委', 'energy-transition', 'other', 'share', 'increase', '%', '亿元', '2025', 'x y', 'a:b', 'a #b', `说明 # ${DIRECTIVE}`) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', '1', '.', '-', '+', '_', 'e', 'x', 'o', '碳', ' ', ':', '#', '[', '{', '"', "'") , maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '碳', ' ', '#', ':', '\\', '"', "'", DIRECTIVE, '\t'), maxLength: 6 }).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => `'${s.replace(/'/g, "''").replace(/[\r\n]/g, ' ')}'`) },
);

/** A value: a scalar, a flow collection, or (rarely) a nest of flow lists around the nesting limit. */
const value: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom('year', 'value', 'a', 'b'), scalar), { maxLength: 3 }).map((xs) => `{${xs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_DEPTH - 3, max: MAX_DEPTH + 3 }).map((n) => '['.repeat(n) + '1' + ']'.repeat(n)) },
);

/** A block scalar whose lines look like comments, directives and structure: text all the same. */
const blockScalar: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('|', '>', '|-', '>-'), fc.array(fc.constantFrom('说明', `说明 # ${DIRECTIVE}`, `# ${DIRECTIVE} schema`, '- - -', 'key: value', '[[[', '{', ''), { minLength: 1, maxLength: 4 }))
  .map(([h, lines]) => `${h}\n${lines.map((l) => (l ? `      ${l}` : '')).join('\n')}`);

/** One entity of a Tasks file: known keys and odd ones, values of every kind. */
const entity: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom('T-1', 'T-2', 'T-SAME', '0x1F', '~', ''),
    fc.array(
      fc.tuple(fc.constantFrom('title', 'area', 'lead', 'indicators', 'dependsOn', 'description', 'x-note', 'x-deep', 'null', '1', '"q"'), fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: blockScalar })),
      { maxLength: 5 },
    ),
    fc.boolean(),
  )
  .map(([id, fields, comment]) => {
    const lines = [`  - id: ${id}`];
    for (const [k, v] of fields) lines.push(`    ${k}: ${v}`);
    if (comment) lines.splice(1, 0, `    # ${DIRECTIVE}`);
    return lines;
  });

/** Line breaks as a file may have them: LF, CRLF, CR alone, or a mix. */
const lineBreaks = fc.constantFrom<(lines: string[]) => string>(
  (ls) => ls.join('\n') + '\n',
  (ls) => ls.join('\r\n') + '\r\n',
  (ls) => ls.join('\r') + '\r',
  (ls) => ls.map((l, i) => l + ['\n', '\r', '\r\n'][i % 3]).join(''),
);

/** Deep nesting in each shape the parsers recurse on, around and far past the limit. */
export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('flow', 'map-keys', 'compact', 'block', 'mixed'), fc.oneof(fc.integer({ min: MAX_DEPTH - 2, max: MAX_DEPTH + 2 }), fc.integer({ min: 1, max: 3000 })))
  .map(([shape, n]) => {
    switch (shape) {
      case 'flow':
        return `x-a: ${'['.repeat(n)}${']'.repeat(n)}\n`;
      case 'map-keys':
        return '{'.repeat(n) + '}'.repeat(n) + '\n';
      case 'compact':
        return `x-a:\n${'- '.repeat(n)}x\n`;
      case 'block':
        return 'x-a:\n' + Array.from({ length: Math.min(n, 400) }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n') + ' 1\n';
      default:
        return `x-a:\n  - ${'[{a: '.repeat(n >> 1)}1${'}]'.repeat(n >> 1)}\n`;
    }
  });

/** A Tasks file: a header, entities (some repeated: duplicate IDs), now and then an anchor, an alias or deep nesting. */
export const planLike: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('apiVersion: pilot-plan/v1', 'apiVersion: pilot-plan/v2', 'apiVersion: 1', ''),
    fc.constantFrom('kind: Tasks', 'kind: Indicators', 'kind: Plan', 'kind: [Tasks]', ''),
    fc.array(entity, { maxLength: 6 }),
    // Now and then one entity copied hundreds of times: duplicate IDs at scale.
    fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 50, max: 400 }) }),
    fc.constantFrom('', 'x-anchor: &n x', 'x-self: &s [1, *s]', 'x-alias: *n', 'x-flow: {[a]: 1}', 'x-null: {~: 1, null: 2}'),
    lineBreaks,
    fc.option(deepNesting, { freq: 8 }),
  )
  .map(([api, kind, entities, copies, extra, breaks, deep]) => {
    const lines = [api, kind, extra, 'tasks:'].filter((l) => l !== '');
    for (const e of entities) lines.push(...e);
    if (entities.length) for (let i = 0; i < copies; i++) lines.push(...entities[0]);
    const text = breaks(lines);
    return deep ? text + deep : text;
  });

/** Damage on top of any text: characters inserted, lines cut or repeated. */
export function damaged(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(base, fc.array(fc.tuple(fc.nat(), fc.constantFrom('"', "'", ':', ': ', '[', ']', '{', '}', ',', '- ', '#', ' #', '|', '>-', '&a ', '*a', '!t ', '!!binary ', '? ', '--- ', '%', '\t', '\r', '\n', '\uFEFF', '\0', '~', '+.5', '0x1F', '  ', DIRECTIVE)), { maxLength: 4 }))
    .map(([text, edits]) => {
      let t = text;
      for (const [at, s] of edits) {
        const i = t.length ? at % (t.length + 1) : 0;
        t = t.slice(0, i) + s + t.slice(i);
      }
      return t;
    });
}

/** pilot-plan.config.yaml as people and mistakes write it. */
export const configText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.array(
          fc.tuple(
            fc.constantFrom(...RULE_CODES, 'orphn', '', '~', 'null', '1', '0x1F', '[a, b]', '{a: 1}', '"orphan"', 'true'),
            fc.constantFrom('off', 'info', 'warning', 'error', 'false', 'true', 'loud', '', '~', '!!binary b2Zm', '!!set {a}', '!!omap [a: b]', '[off]', '{level: off}', '&a off', '*a', '0x1F', '"off"', '+.5'),
          ),
          { maxLength: 6 },
        ),
        fc.constantFrom('block', 'flow'),
        fc.constantFrom('', 'extra: 1', 'rule: {}'),
      )
      .map(([rules, style, extra]) => {
        const body = style === 'flow' ? `rules: {${rules.map(([k, v]) => `${k}: ${v}`).join(', ')}}\n` : `rules:\n${rules.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`;
        return body + (extra ? extra + '\n' : '');
      }),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '- a\n', 'rules: !!binary aGVsbG8=\n', 'rules: {: off}\n', '? [a, b]\n: c\n', 'rules: [\n', 'rules: &r {orphan: off}\nx: *r\n', '{'.repeat(200), 'rules:\r  orphan: off\r') },
);
