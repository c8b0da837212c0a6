/**
 * The action as published: action/index.js is committed (the runner installs nothing), so it
 * must be what the sources build to now; and action.yml must declare what the code reads and
 * writes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, INPUTS } from '../../server/src/action/inputs';
import { OUTPUTS } from '../../server/src/action/run-action';
import { ROOT } from '../cli/run-cli';

describe('action: the committed bundle', () => {
  it('action/index.js is what the sources build to (a fresh build with the shared options)', async function () {
    this.timeout(60000);
    // The options build.mjs --action uses, loaded from the repository as the build loads them.
    const { actionBundle, ACTION_BUNDLE } = await import(pathToFileURL(nodePath.join(ROOT, 'scripts', 'action-bundle.mjs')).href);
    const result = await esbuild.build({ ...actionBundle, write: false, logLevel: 'silent' });
    const files = result.outputFiles ?? [];
    assert.equal(files.length, 1, 'one file, no source map or chunks');
    const fresh = Buffer.from(files[0].contents);
    const committed = fs.readFileSync(nodePath.join(ROOT, ACTION_BUNDLE));
    assert.ok(
      fresh.equals(committed),
      `${ACTION_BUNDLE} is stale (${committed.length} bytes committed, ${fresh.length} built): run \`npm run build:action\` (node build.mjs --action) and commit ${ACTION_BUNDLE}`,
    );
  });

  it('is self-contained: it requires nothing but Node built-ins', () => {
    const text = fs.readFileSync(nodePath.join(ROOT, 'action', 'index.js'), 'utf8');
    const required = [...text.matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
    const builtins = new Set(require('node:module').builtinModules as string[]);
    // A generated validator names its helper in a string of code it never runs (ajv's `.code`).
    const outside = required.filter((r) => !builtins.has(r.replace(/^node:/, '')) && r !== 'ajv/dist/runtime/ucs2length');
    assert.deepEqual(outside, []);
    assert.doesNotMatch(text, /sourceMappingURL/);
  });
});

describe('action: action.yml', () => {
  const action = parse(fs.readFileSync(nodePath.join(ROOT, 'action.yml'), 'utf8'));
  const bilingual = (s: unknown) => typeof s === 'string' && /[A-Za-z]{3}/.test(s) && /[\u4e00-\u9fff]/.test(s);

  it('runs the committed bundle on node20', () => {
    assert.deepEqual(action.runs, { using: 'node20', main: 'action/index.js' });
    assert.ok(fs.existsSync(nodePath.join(ROOT, action.runs.main)));
  });

  it('has a name, a description in English and Chinese, and branding', () => {
    assert.equal(typeof action.name, 'string');
    assert.ok(bilingual(action.description), action.description);
    assert.equal(typeof action.branding.icon, 'string');
    assert.equal(typeof action.branding.color, 'string');
  });

  it('declares exactly the inputs the code reads, with its defaults, described in both languages', () => {
    assert.deepEqual(Object.keys(action.inputs).sort(), [...INPUTS].sort());
    for (const name of INPUTS) {
      const input = action.inputs[name];
      assert.equal(input.default, INPUT_DEFAULTS[name], `the default of ${name}`);
      assert.equal(input.required, false, `${name} is optional`);
      assert.ok(bilingual(input.description), `${name}: ${input.description}`);
    }
  });

  it('declares exactly the outputs the code writes, described in both languages', () => {
    assert.deepEqual(Object.keys(action.outputs).sort(), [...OUTPUTS].sort());
    for (const name of OUTPUTS) assert.ok(bilingual(action.outputs[name].description), name);
  });

  it('docs/github-action.md documents every input and output', () => {
    const doc = fs.readFileSync(nodePath.join(ROOT, 'docs', 'github-action.md'), 'utf8');
    for (const name of [...INPUTS, ...OUTPUTS]) assert.match(doc, new RegExp(`^\\| \`${name}\` \\|`, 'm'), `a table row for ${name}`);
  });
});
