/**
 * `uniqueItems` for build.mjs's Ajv, remembering seen items in a Map.
 *
 * Why: Ajv's own check makes a fresh object per array and stores every item
 * as a property name of it. Plans hold thousands of distinct names and IDs, so
 * each became a new hidden class in V8: half of all Tasks validation time of a
 * 1,000-file plan. A Map is the same check without that cost.
 *
 * The rest is Ajv's keyword API and Ajv's semantics: the same error (keyword,
 * params {i, j}, message), items of another type than `items` declares are
 * skipped, and j is the later of the two duplicates, as before. Lists whose
 * items may be objects or arrays (only Ajv's meta-schemas have them) are
 * compared pairwise with Ajv's deep equality.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { _, str } = require('ajv/dist/compile/codegen');
const { getSchemaTypes, checkDataTypes, DataType } = require('ajv/dist/compile/validate/dataType');
const { useFunc } = require('ajv/dist/compile/util');
const equal = require('ajv/dist/runtime/equal').default;

/** Lists up to this long are checked pairwise, longer ones with a Map. */
const SMALL = 8;

export function addUniqueItems(ajv) {
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword({
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    error: {
      message: ({ params: { i, j } }) => str`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => _`{i: ${i}, j: ${j}}`,
    },
    code(cxt) {
      const { gen, data, schema, parentSchema, it } = cxt;
      if (!schema) return;
      const types = parentSchema.items ? getSchemaTypes(parentSchema.items) : [];
      const scalars = types.length > 0 && !types.some((t) => t === 'object' || t === 'array');
      const valid = gen.let('valid', true);
      const i = gen.let('i', _`${data}.length`);
      const j = gen.let('j');
      cxt.setParams({ i, j });
      gen.if(_`${i} > 1`, () => (scalars ? bySize() : pairwise()));

      // Lists of a few items (nearly all of a plan's) are compared in place: no Map to allocate
      // and collect, tens of thousands of times in a large plan. Same pair reported either way.
      function bySize() {
        gen.if(_`${i} <= ${SMALL}`, inPlace, byMap);
      }

      function inPlace() {
        const item = gen.let('item');
        const other = gen.let('other');
        const n = gen.const('n', _`${i}`);
        const itemWrong = checkDataTypes(types, item, it.opts.strictNumbers, DataType.Wrong);
        const otherWrong = checkDataTypes(types, other, it.opts.strictNumbers, DataType.Wrong);
        const outer = gen.name('outer');
        // From the end, the first item that appears again later; j: the nearest later one.
        gen.label(outer).for(_`;${i}--;`, () => {
          gen.assign(item, _`${data}[${i}]`);
          gen.if(itemWrong, _`continue`);
          gen.for(_`${j} = ${i} + 1; ${j} < ${n}; ${j}++`, () => {
            gen.assign(other, _`${data}[${j}]`);
            gen.if(otherWrong, _`continue`);
            // SameValueZero, as a Map compares keys: NaN repeats NaN.
            gen.if(_`${item} === ${other} || (${item} !== ${item} && ${other} !== ${other})`, () => {
              cxt.error();
              gen.assign(valid, false).break(outer);
            });
          });
        });
      }

      function byMap() {
        const item = gen.let('item');
        const wrongType = checkDataTypes(types, item, it.opts.strictNumbers, DataType.Wrong);
        const seen = gen.const('seen', _`new Map()`);
        gen.for(_`;${i}--;`, () => {
          gen.assign(item, _`${data}[${i}]`);
          gen.if(wrongType, _`continue`);
          gen
            .if(_`${seen}.has(${item})`, () => {
              gen.assign(j, _`${seen}.get(${item})`);
              cxt.error();
              gen.assign(valid, false).break();
            })
            .code(_`${seen}.set(${item}, ${i})`);
        });
      }

      function pairwise() {
        const eql = useFunc(gen, equal);
        const outer = gen.name('outer');
        gen.label(outer).for(_`;${i}--;`, () =>
          gen.for(_`${j} = ${i}; ${j}--;`, () =>
            gen.if(_`${eql}(${data}[${i}], ${data}[${j}])`, () => {
              cxt.error();
              gen.assign(valid, false).break(outer);
            }),
          ),
        );
      }
      cxt.ok(valid);
    },
  });
}
