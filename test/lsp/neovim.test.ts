/**
 * The Neovim snippets of docs/editors.md, run as they are written in a headless
 * Neovim against the built server: findings arrive, a code lens runs through the
 * server's command, a plan file changed on disk is seen (Neovim watches no files
 * for the server), and pilot-plan.config.yaml is served too.
 *
 * Runs only where `nvim` is installed, and each snippet only on the Neovim
 * versions it is for; otherwise the test is reported as skipped, with the reason.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { repoRoot } from '../util/plan';
import { find, tempDir } from './client';
import { brokenGuangzhou } from './fixtures';
import { SERVER_SHOW_REFERENCES_COMMAND } from '../../server/src/lsp/protocol';

type Version = [number, number, number];

function nvimVersion(): Version | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const m = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(r.stdout);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

const atLeast = (v: Version, min: Version) => v[0] * 1e6 + v[1] * 1e3 + v[2] >= min[0] * 1e6 + min[1] * 1e3 + min[2];

/** The Lua block that follows `<!-- snippet: name -->` in docs/editors.md. */
function snippet(name: string): string {
  const doc = fs.readFileSync(nodePath.join(repoRoot(), 'docs/editors.md'), 'utf8');
  const m = new RegExp(`<!-- snippet: ${name.replace(/\./g, '\\.')} -->\\s*\`\`\`lua\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!m) throw new Error(`docs/editors.md has no snippet ${name}`);
  return m[1];
}

/** Drives Neovim from inside: each step waits for what a person would see, and the results go to a JSON file. */
const HARNESS = String.raw`
local P = vim.fn.json_decode(vim.fn.readfile(os.getenv('PILOT_NVIM_PARAMS'))[1])
local R = { messages = {} }
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(R) }, P.out)
  vim.cmd('qa!')
end
local function need(what, ok)
  if not ok then
    R.error = 'timed out waiting for ' .. what
    finish()
    error(R.error)
  end
end
local function wait(what, cond) need(what, vim.wait(P.timeout, cond, 50)) end
local function codes(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(out, { line = d.lnum + 1, code = d.code, message = d.message }) end
  return out
end
local function has(bufnr, code, text)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code and (not text or d.message:find(text, 1, true)) then return true end
  end
  return false
end
local show = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
  table.insert(R.messages, result.message)
  return show(err, result, ctx, config)
end

-- 1. The opened file: its findings, and those of closed files of the plan.
local buf = vim.api.nvim_get_current_buf()
R.filetype = vim.bo[buf].filetype
wait('the findings of the opened file', function() return has(buf, 'unresolved-reference', 'IND-NONFOSIL-SHARE') end)
local clients = vim.lsp.buf_get_clients(buf)
local client
for _, c in pairs(clients) do client = c end
R.client = client and client.name
R.findings = codes(buf)
local projects = vim.uri_to_bufnr(vim.uri_from_fname(P.projects))
wait('the findings of a closed file', function() return has(projects, 'schema', 'under-constructon') end)

-- 2. A code lens: resolved, then run on its line.
local line
for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  if l:find('id: T%-ENERGY%-GRID$') then line = i end
end
local lens
wait('the code lens of T-ENERGY-GRID', function()
  for _, l in ipairs(vim.lsp.codelens.get(buf)) do
    if l.range.start.line == line - 1 and l.command and l.command.command ~= '' then lens = l end
  end
  return lens ~= nil
end)
R.lens = { title = lens.command.title, command = lens.command.command }
vim.api.nvim_win_set_cursor(0, { line, 0 })
vim.lsp.codelens.run()
-- Where Neovim can show documents the server opens the place (0.10), else it lists it in a message (0.7).
wait('the code lens to show its place', function() return #R.messages > 0 or vim.api.nvim_get_current_buf() ~= buf end)
if vim.api.nvim_get_current_buf() ~= buf then
  R.shown = { file = vim.api.nvim_buf_get_name(0), line = vim.api.nvim_win_get_cursor(0)[1], word = vim.fn.expand('<cWORD>') }
end

-- 3. A closed file changed on disk by another program: its reference breaks.
local text = table.concat(vim.fn.readfile(P.projects), '\n') .. '\n'
local changed = text:gsub('tasks: %[T%-ENERGY%-GRID%]', 'tasks: [T-ENERGY-GRID-GONE]', 1)
vim.fn.writefile(vim.split(changed, '\n', { plain = true }), P.projects, 'b')
wait('the findings of the file changed on disk', function() return has(projects, 'unresolved-reference', 'T-ENERGY-GRID-GONE') end)

-- 4. The configuration file: its file type, the same server, its findings.
vim.cmd('edit ' .. vim.fn.fnameescape(P.config))
local cbuf = vim.api.nvim_get_current_buf()
R.configFiletype = vim.bo[cbuf].filetype
wait('the configuration file attached', function() return next(vim.lsp.buf_get_clients(cbuf)) ~= nil end)
for id, _ in pairs(vim.lsp.buf_get_clients(cbuf)) do R.sameServer = (id == client.id) end
wait('the findings of the configuration', function() return has(cbuf, 'schema', 'orpan') end)
R.configFindings = codes(cbuf)
finish()
`;

interface Result {
  error?: string;
  filetype: string;
  client: string;
  findings: { line: number; code: string; message: string }[];
  lens: { title: string; command: string };
  messages: string[];
  shown?: { file: string; line: number; word: string };
  configFiletype: string;
  sameServer: boolean;
  configFindings: { line: number; code: string; message: string }[];
}

/** Runs Neovim with the snippet as its init.lua on the tasks file of a broken plan; resolves with what the harness saw. */
async function runNeovim(init: string): Promise<{ result: Result; dir: string; stderr: string }> {
  const p = brokenGuangzhou();
  p.write('pilot-plan.config.yaml', 'rules:\n  orpan: off\n');
  const work = tempDir('pilot-nvim-');
  // `pilot-plan` on PATH, as after `npm install -g`: the built CLI.
  const bin = nodePath.join(work, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(nodePath.join(bin, 'pilot-plan'), `#!/bin/sh\nexec "${process.execPath}" "${nodePath.join(repoRoot(), 'dist/cli.js')}" "$@"\n`, { mode: 0o755 });
  fs.writeFileSync(nodePath.join(work, 'init.lua'), init);
  fs.writeFileSync(nodePath.join(work, 'harness.lua'), HARNESS);
  const out = nodePath.join(work, 'result.json');
  const params = { out, timeout: 15000, projects: p.path('projects.pilot.yaml'), config: p.path('pilot-plan.config.yaml') };
  fs.writeFileSync(nodePath.join(work, 'params.json'), JSON.stringify(params));
  const env = { ...process.env, PATH: `${bin}${nodePath.delimiter}${process.env.PATH}`, PILOT_NVIM_PARAMS: nodePath.join(work, 'params.json'), XDG_STATE_HOME: work, XDG_DATA_HOME: work, XDG_CONFIG_HOME: work };
  const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', nodePath.join(work, 'init.lua'), p.path('tasks/energy.pilot.yaml'), '-c', `luafile ${nodePath.join(work, 'harness.lua')}`], { cwd: p.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  child.stdout.on('data', () => undefined);
  const code = await new Promise<number | null>((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 90000);
    child.on('exit', (c) => {
      clearTimeout(t);
      resolve(c);
    });
  });
  if (!fs.existsSync(out)) throw new Error(`Neovim (exit ${code}) wrote no result\nstderr: ${stderr}`);
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as Result;
  if (result.error) throw new Error(`${result.error}\n${JSON.stringify(result, null, 1)}\nstderr: ${stderr}`);
  return { result, dir: p.dir, stderr };
}

function checkResult(result: Result, dir: string): void {
  assert.equal(result.filetype, 'yaml.pilot');
  assert.equal(result.client, 'pilot-plan');
  assert.ok(result.findings.some((f) => f.code === 'unresolved-reference' && f.message.includes('您是否想写 `IND-NONFOSSIL-SHARE`')), JSON.stringify(result.findings));
  assert.equal(result.lens.command, SERVER_SHOW_REFERENCES_COMMAND);
  assert.match(result.lens.title, /^1 个项目/);
  // Neovim 0.7 cannot show documents: the server lists the place; 0.10 opens it instead.
  const place = find(fs.readFileSync(nodePath.join(dir, 'projects.pilot.yaml'), 'utf8'), 'P-GRID-500KV');
  if (result.shown) assert.deepEqual(result.shown, { file: nodePath.join(dir, 'projects.pilot.yaml'), line: place.line + 1, word: 'P-GRID-500KV' });
  else assert.deepEqual(result.messages, [`T-ENERGY-GRID：1 处\n  projects.pilot.yaml:${place.line + 1}:${place.character + 1}  P-GRID-500KV`]);
  assert.equal(result.configFiletype, 'yaml.pilot');
  assert.equal(result.sameServer, true);
  assert.deepEqual(result.configFindings.map((f) => f.code), ['schema']);
}

describe('lsp: the Neovim snippets of docs/editors.md, in a real Neovim', function () {
  this.timeout(120000);
  const version = nvimVersion();

  it('Neovim 0.7 to 0.9: findings, a code lens, a file changed on disk, the configuration file', async function () {
    if (!version) {
      console.log('      (skipped below: the Neovim 0.7 snippet is not run, nvim is not installed; Debian: apt-get install neovim)');
      this.skip();
    }
    const { result, dir } = await runNeovim(snippet('neovim-0.7'));
    checkResult(result, dir);
    // Neovim before 0.10 cannot show documents.
    if (!atLeast(version!, [0, 10, 0])) assert.equal(result.shown, undefined);
  });

  it('Neovim 0.10 and later: the same', async function () {
    if (!version || !atLeast(version, [0, 10, 0])) {
      console.log(`      (skipped below: the Neovim 0.10 snippet needs Neovim 0.10 or later; ${version ? `this one is ${version.join('.')}` : 'nvim is not installed'})`);
      this.skip();
    }
    const { result, dir } = await runNeovim(snippet('neovim-0.10'));
    checkResult(result, dir);
  });
});
