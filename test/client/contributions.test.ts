import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { checkMemory, repoRoot } from '../util/plan';
import { expandSnippet, indent, insertUnder } from './snippets';
import { DEFAULT_DEBOUNCE_MS, SERVER_SHOW_REFERENCES_COMMAND, SHOW_REFERENCES_COMMAND } from '../../client/src/protocol';

const root = repoRoot();
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const json = (p: string) => JSON.parse(read(p));

describe('client: package.json contributions', () => {
  const pkg = json('package.json');
  const nls: Record<string, Record<string, string>> = {
    en: json('package.nls.json'),
    'zh-cn': json('package.nls.zh-cn.json'),
  };

  /** Every "%key%" string anywhere under `v`. */
  function nlsKeys(v: unknown, out: string[] = []): string[] {
    if (typeof v === 'string') {
      const m = /^%([^%\s]+)%$/.exec(v);
      if (m) out.push(m[1]);
    } else if (Array.isArray(v)) v.forEach((x) => nlsKeys(x, out));
    else if (v && typeof v === 'object') Object.values(v).forEach((x) => nlsKeys(x, out));
    return out;
  }

  it('every %key% resolves in both nls files, and the nls files hold no other keys', () => {
    const used = new Set(nlsKeys(pkg));
    assert.ok(used.size > 10);
    for (const [lang, table] of Object.entries(nls)) {
      for (const k of used) assert.ok(typeof table[k] === 'string' && table[k].trim(), `${k} missing in package.nls${lang === 'en' ? '' : '.' + lang}.json`);
      assert.deepEqual(Object.keys(table).filter((k) => !used.has(k)), [], `unused keys in the ${lang} nls file`);
    }
  });

  it('every command has a localized title and category, and is registered by the client', () => {
    const commands: { command: string; title: string; category?: string }[] = pkg.contributes.commands;
    const ids = commands.map((c) => c.command).sort();
    assert.deepEqual(ids, ['pilotPlan.checkWorkspace', 'pilotPlan.exportDocx', 'pilotPlan.exportXlsx', 'pilotPlan.newPlan', 'pilotPlan.newProgress', 'pilotPlan.openRuleDoc', 'pilotPlan.planTree.groupByArea', 'pilotPlan.planTree.groupByLead', 'pilotPlan.restartServer', 'pilotPlan.showOverview']);
    for (const c of commands) {
      assert.match(c.title, /^%command\.[\w.]+%$/, `${c.command} title`);
      assert.equal(c.category, '%command.category%');
      for (const table of Object.values(nls)) assert.ok(table[c.title.slice(1, -1)], `${c.command} title missing`);
    }
    const src = fs.readdirSync(path.join(root, 'client/src')).filter((f) => f.endsWith('.ts')).map((f) => read(path.join('client/src', f))).join('\n');
    const constants: Record<string, string> = { SHOW_REFERENCES_COMMAND };
    const registered = [...src.matchAll(/registerCommand\(\s*(?:'([^']+)'|([A-Z_]+))/g)].map((m) => m[1] ?? constants[m[2]] ?? m[2]).sort();
    // …and the command of the server's code lenses, internal (no palette entry).
    assert.deepEqual(registered, [...ids, 'pilotPlan.showReferences'].sort());
    // vscode-languageclient registers a proxy for each command the server advertises: an id of ours would clash.
    assert.ok(!registered.includes(SERVER_SHOW_REFERENCES_COMMAND) && !ids.includes(SERVER_SHOW_REFERENCES_COMMAND));
    // The client has the lenses carry its own command, which opens VS Code's references peek.
    assert.match(read('client/src/client-options.ts'), /showReferencesCommand: SHOW_REFERENCES_COMMAND/);
    for (const m of Object.values(pkg.contributes.menus as Record<string, { command: string }[]>).flat()) {
      assert.ok(ids.includes(m.command), `menu entry for unknown command ${m.command}`);
    }
  });

  it('declares the language, its files, grammar, snippets and configuration', () => {
    const [lang] = pkg.contributes.languages;
    assert.equal(lang.id, 'pilot-plan');
    assert.deepEqual(lang.filenamePatterns, ['*.pilot.yaml', '*.pilot.yml']);
    assert.ok(lang.aliases.includes('Pilot Plan') && lang.aliases.includes('碳达峰试点方案'));
    assert.ok(fs.existsSync(path.join(root, lang.configuration)));
    const [grammar] = pkg.contributes.grammars;
    assert.equal(grammar.language, 'pilot-plan');
    assert.equal(json(grammar.path).scopeName, grammar.scopeName);
    const [snippets] = pkg.contributes.snippets;
    assert.equal(snippets.language, 'pilot-plan');
    assert.ok(fs.existsSync(path.join(root, snippets.path)));
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), ['pilotPlan.debounceMs', 'pilotPlan.files.extraGlobs', 'pilotPlan.locale', 'pilotPlan.trace.server']);
    assert.deepEqual(props['pilotPlan.locale'].enum, ['auto', 'en', 'zh-CN']);
    assert.equal(props['pilotPlan.files.extraGlobs'].type, 'array');
    assert.equal(props['pilotPlan.debounceMs'].default, DEFAULT_DEBOUNCE_MS, "the server's default");
  });

  it('activates on the language and on workspaces with plan files; supports untrusted and virtual workspaces (the web\'s entry)', () => {
    for (const e of ['onLanguage:pilot-plan', 'workspaceContains:**/*.pilot.yaml', 'workspaceContains:**/*.pilot.yml']) {
      assert.ok(pkg.activationEvents.includes(e), e);
    }
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    assert.equal(pkg.main, './dist/client.js');
    assert.equal(pkg.browser, './dist/web/client.js');
    // The client's strings are its own table (client/src/ui-text.ts), which follows pilotPlan.locale; VS Code's bundles follow only the display language.
    assert.equal(pkg.l10n, undefined);
  });

  it('Export to Word / Excel is disabled and offered nowhere on the web (the web worker carries neither docx nor exceljs); the Explorer offers it on plan files', () => {
    for (const id of ['pilotPlan.exportDocx', 'pilotPlan.exportXlsx']) {
      assert.equal(pkg.contributes.commands.find((c: { command: string }) => c.command === id).enablement, '!isWeb', id);
      const entries = Object.entries(pkg.contributes.menus as Record<string, { command: string; when?: string }[]>).flatMap(([menu, list]) => list.filter((e) => e.command === id).map((e) => ({ menu, when: e.when ?? '' })));
      assert.deepEqual(entries.map((e) => e.menu).sort(), ['commandPalette', 'explorer/context'], id);
      for (const e of entries) assert.match(e.when, /(^|&& )!isWeb( &&|$)/, `${id} in ${e.menu}`);
    }
  });

  it('the icon is a 128×128 PNG', () => {
    const png = fs.readFileSync(path.join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('.vscodeignore is an allow-list of what runs', () => {
    const lines = read('.vscodeignore').split('\n').filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    for (const want of ['!dist/client.js', '!dist/server.js', '!dist/web/client.js', '!dist/web/server.js', '!dist/vendor/echarts.js', '!docs/rules/*.md', '!docs/format.md', '!images/icon.png', '!LICENSE', '!README.md']) {
      assert.ok(lines.includes(want), want);
    }
    assert.ok(!lines.some((l) => l.includes('.map')), 'source maps stay out');
  });

  it('editor defaults for plan files: Chinese punctuation not boxed, and it separates words as the word pattern does', () => {
    const d = pkg.contributes.configurationDefaults['[pilot-plan]'];
    // Full-width punctuation (，：（）) is "ambiguous" to VS Code; every Chinese character is "non-basic ASCII" in an untrusted workspace.
    assert.equal(d['editor.unicodeHighlight.ambiguousCharacters'], false);
    assert.equal(d['editor.unicodeHighlight.nonBasicASCII'], false);
    // Zero-width and other invisible characters pasted from documents stay marked; the ideographic space (U+3000) is text.
    assert.equal(d['editor.unicodeHighlight.invisibleCharacters'], true);
    assert.deepEqual(d['editor.unicodeHighlight.allowedCharacters'], { '\u3000': true });
    // Double-click, Ctrl+D and word moves use wordSeparators; completion, hover and rename the language's wordPattern: the same words.
    const separators = new Set<string>(d['editor.wordSeparators']);
    const wordPattern = new RegExp(json('language-configuration.json').wordPattern, 'g');
    const text = '建设虚拟电厂，形成百万千瓦级（可调节）负荷资源库。dependsOn: [T-ENERGY-01, P7]；“光伏+”《方案》、其他！好？';
    const bySeparators = text.split(/\s+/).flatMap((w) => [...w].reduce<string[]>((out, c) => (separators.has(c) ? (out.at(-1) === '' ? out : [...out, '']) : [...out.slice(0, -1), (out.at(-1) ?? '') + c]), [''])).filter(Boolean);
    assert.deepEqual(bySeparators, text.match(wordPattern));
    assert.ok(!separators.has('-'), 'an ID such as T-ENERGY-01 is one word');
  });

  it('package.nls.json and package.nls.zh-cn.json hold the same keys, every Chinese text in Chinese', () => {
    assert.deepEqual(Object.keys(nls['zh-cn']).sort(), Object.keys(nls.en).sort());
    for (const [k, zh] of Object.entries(nls['zh-cn'])) {
      assert.match(zh, /[\u4e00-\u9fff]/, `${k} is not Chinese: ${zh}`);
      assert.notEqual(zh, nls.en[k], k);
    }
  });
});

describe('client: snippets', () => {
  const snippets: Record<string, { prefix: string | string[]; body: string | string[]; description: string }> = json('snippets/pilot-plan.code-snippets');
  const body = (name: string) => {
    assert.ok(snippets[name], `no snippet ${name}`);
    return expandSnippet(snippets[name].body) + '\n';
  };

  it('parse, and each has a prefix and a bilingual description', () => {
    assert.ok(Object.keys(snippets).length >= 9);
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.prefix && s.prefix.length, `${name} prefix`);
      assert.match(s.description, /[\u4e00-\u9fff].* · [A-Za-z]/, `${name} description is not 中文 · English`);
      const text = expandSnippet(s.body);
      assert.doesNotMatch(text, /\$\{|\$\d/, `${name} has an unexpanded tab stop`);
      parse(text); // YAML
    }
  });

  it('the file snippets are Plan, Tasks, Projects and Indicators files', () => {
    for (const [name, kind] of [['Plan file', 'Plan'], ['Tasks file', 'Tasks'], ['Projects file', 'Projects'], ['Indicators file', 'Indicators']]) {
      const doc = parse(body(name));
      assert.equal(doc.apiVersion, 'pilot-plan/v1', name);
      assert.equal(doc.kind, kind, name);
    }
  });

  it('the Plan file snippet as it comes checks clean', () => {
    assert.deepEqual(checkMemory({ 'plan.pilot.yaml': body('Plan file') }).map((f) => `${f.code}:${f.line} ${f.message}`), []);
  });

  it('the four file snippets together make a clean plan', () => {
    const files = {
      'plan.pilot.yaml': body('Plan file'),
      'tasks.pilot.yaml': body('Tasks file'),
      'projects.pilot.yaml': body('Projects file'),
      'indicators.pilot.yaml': body('Indicators file'),
    };
    assert.deepEqual(checkMemory(files).map((f) => `${f.code}@${f.file}:${f.line} ${f.message}`), []);
  });

  it('the entry snippets, inserted in their lists, make a clean plan', () => {
    const list = (kind: string, key: string, ...entries: string[]) =>
      `apiVersion: pilot-plan/v1\nkind: ${kind}\n${key}:\n` + entries.map((e) => indent(e, '  ')).join('');
    let plan = body('Plan file');
    plan = insertUnder(plan, 'mechanisms', body('Mechanism'));
    plan += 'actions:\n' + indent(body('Action'), '  ') + 'risks:\n' + indent(body('Risk'), '  ') + body('Peak');
    const files = {
      'plan.pilot.yaml': plan,
      'tasks.pilot.yaml': list('Tasks', 'tasks', body('Task entry')),
      'projects.pilot.yaml': list('Projects', 'projects', body('Project entry')),
      'indicators.pilot.yaml': list('Indicators', 'indicators', body('Indicator entry'), body('Reduction indicator entry')),
    };
    const findings = checkMemory(files).map((f) => `${f.code}@${f.file}:${f.line} ${f.message}`);
    // The reduction indicator is referenced by no task in this assembly: that orphan only.
    assert.deepEqual(findings.filter((f) => !/^orphan@indicators.*IND-CO2-INTENSITY/.test(f)), []);
  });

  it('offer every value of task areas, mechanism types and risk categories, as the schemas list them', () => {
    const area = json('schemas/tasks.schema.json').$defs.task.properties.area.enum as string[];
    const plan = json('schemas/plan.schema.json').$defs;
    const lists: Record<string, string[]> = { area, 'carbon-accounting': plan.mechanism.properties.type.enum, 'energy-security': plan.risk.properties.category.enum };
    let seen = 0;
    for (const [name, s] of Object.entries(snippets)) {
      const text = Array.isArray(s.body) ? s.body.join('\n') : s.body;
      for (const m of text.matchAll(/\b(area|type|category): \$\{\d+\|([^|]*)\|\}/g)) {
        const values = m[2].split(',');
        const expected = m[1] === 'area' ? lists.area : lists[values[0]];
        if (!expected) continue;
        assert.deepEqual(values, expected, `${name}: the choices of ${m[1]}`);
        seen++;
      }
    }
    assert.ok(seen >= 6, `${seen} choice lists checked`);
  });

  it('the target snippet is a valid target', () => {
    const indicators = body('Indicators file').replace(/( {4}targets:\n)/, `$1${indent(body('Target'), '      ')}`);
    const f = checkMemory({ 'indicators.pilot.yaml': indicators }, { only: ['yaml-syntax', 'schema', 'api-version', 'unit-mismatch', 'value-range'] });
    assert.deepEqual(f.map((x) => `${x.code}:${x.line} ${x.message}`), []);
    assert.equal(parse(indicators).indicators[0].targets.length, 2);
  });
});
