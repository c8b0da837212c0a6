/**
 * The pre-commit hook (.pre-commit-hooks.yaml) as a user runs it: a project's
 * .pre-commit-config.yaml names this repository and a commit of it, and `pre-commit run`
 * installs the hook (language: node: npm install in a clone of it, npm pack, npm install -g
 * of the tarball) and runs it on the project's files. The repository is a clone of this one
 * at HEAD with the working tree's changes to tracked files committed on top (what
 * `pre-commit try-repo` does). `pre-commit try-repo` itself builds the environment anew in a
 * temporary store on every run; `pre-commit run` with a fresh PRE_COMMIT_HOME builds it
 * once, in the same way, for all the cases here.
 *
 * Needs the `pre-commit` command (Debian: apt-get install pre-commit nodeenv) and the npm
 * registry (or npm's cache); without the command the suite says so and is skipped.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { expectations } from '../util/examples';
import { englishEnv, ROOT } from '../cli/run-cli';

const MINUTE = 60000;

interface Run {
  status: number | null;
  output: string;
}

/** The environment for git and pre-commit: English, no colour, npm's settings from `npm test` left out, a store of our own. */
function hookEnv(home: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(englishEnv()).filter(([k]) => !/^(npm_|PRE_COMMIT|GIT_)/i.test(k)));
  const who = { GIT_AUTHOR_NAME: 'Pilot Plan tests', GIT_AUTHOR_EMAIL: 'tests@pilot-plan.invalid' };
  return { ...env, ...who, GIT_COMMITTER_NAME: who.GIT_AUTHOR_NAME, GIT_COMMITTER_EMAIL: who.GIT_AUTHOR_EMAIL, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never' };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout = 2 * MINUTE): Run {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout, input: '' });
  if (r.error) throw r.error;
  return { status: r.status, output: r.stdout + r.stderr };
}

function ok(r: Run, what: string): string {
  assert.equal(r.status, 0, `${what} failed:\n${r.output}`);
  return r.output;
}

/**
 * `file:line code` for every finding the hook's report (stylish: a line with the path, then
 * `  line:column  severity  message  code` under it) names in pre-commit's output.
 */
function findingsIn(output: string): string[] {
  const out: string[] = [];
  let file: string | undefined;
  for (const line of output.split(/\r?\n/)) {
    if (/^[^\s-].*(\.pilot\.ya?ml|pilot-plan\.config\.yaml)$/.test(line)) {
      file = line;
      continue;
    }
    const m = /^\s+(\d+):\d+\s+(?:error|warning|info)\s.*\s([a-z]+(?:-[a-z]+)*)$/.exec(line);
    if (m && file) out.push(`${file}:${m[1]} ${m[2]}`);
  }
  return out.sort();
}

describe('pre-commit hook (pilot-plan)', function () {
  this.timeout(15 * MINUTE);
  let work: string;
  let env: NodeJS.ProcessEnv;
  let hookRepo: string;
  let rev: string;
  let projects = 0;

  /** A new git repository using the hook, with these folders of the repository copied in and committed. */
  function project(folders: string[]): string {
    const dir = nodePath.join(work, `project-${++projects}`);
    fs.mkdirSync(dir);
    ok(run('git', ['init', '-q'], dir, env), 'git init');
    for (const f of folders) fs.cpSync(nodePath.join(ROOT, f), nodePath.join(dir, f), { recursive: true });
    fs.writeFileSync(
      nodePath.join(dir, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${JSON.stringify(hookRepo)}\n    rev: ${rev}\n    hooks:\n      - id: pilot-plan\n`,
    );
    commit(dir);
    return dir;
  }

  function commit(dir: string): void {
    ok(run('git', ['add', '-A'], dir, env), 'git add');
    ok(run('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '--no-verify', '-m', 'plans'], dir, env), 'git commit');
  }

  /** `pre-commit run` in `dir`: on the staged files, or with --all-files. */
  function preCommit(dir: string, ...args: string[]): Run {
    return run('pre-commit', ['run', 'pilot-plan', '--color', 'never', ...args], dir, env, 10 * MINUTE);
  }

  before(function () {
    const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      console.log('      pre-commit is not installed: the pre-commit hook tests are SKIPPED (Debian: apt-get install pre-commit nodeenv)');
      this.skip();
    }
    const top = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
    if (top.status !== 0) {
      console.log('      the project is not a git repository: the pre-commit hook tests are SKIPPED (pre-commit installs hooks from git)');
      this.skip();
    }
    work = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-pre-commit-'));
    env = hookEnv(nodePath.join(work, 'pre-commit-home'));

    // This repository at HEAD, with the working tree's changes to tracked files (staged or not) committed.
    hookRepo = nodePath.join(work, 'pilot-plan');
    ok(run('git', ['clone', '-q', '--no-checkout', ROOT, hookRepo], work, env), 'git clone');
    ok(run('git', ['checkout', '-q', '--detach', top.stdout.trim()], hookRepo, env), 'git checkout');
    const diff = spawnSync('git', ['diff', 'HEAD', '--binary'], { cwd: ROOT, env, maxBuffer: 256 * 1024 * 1024 });
    assert.equal(diff.status, 0, String(diff.stderr));
    if (diff.stdout.length) {
      const patch = nodePath.join(work, 'working-tree.patch');
      fs.writeFileSync(patch, diff.stdout);
      ok(run('git', ['apply', '--binary', patch], hookRepo, env), 'git apply');
      commit(hookRepo);
    }
    rev = ok(run('git', ['rev-parse', 'HEAD'], hookRepo, env), 'git rev-parse').trim();

    // The hook's environment, built once for every case below.
    const started = Date.now();
    ok(run('pre-commit', ['install-hooks'], project([]), env, 10 * MINUTE), 'pre-commit install-hooks');
    console.log(`      pre-commit installed the hook environment in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('fails on broken plans, naming every planted fault at its file and line', () => {
    const dir = project(['examples/broken']);
    const r = preCommit(dir, '--all-files');
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /Check carbon peak pilot plans\.+Failed/);
    assert.match(r.output, /- exit code: 1/);
    const want = expectations(nodePath.join(ROOT, 'examples/broken'));
    assert.ok(want.length > 50, `${want.length} planted faults`);
    assert.deepEqual(findingsIn(r.output), want);
  });

  it('passes on clean plans; files under no plan get their not-in-plan info, which does not fail', () => {
    const dir = project(['examples/guangzhou', 'examples/shenzhen', 'examples/broken/not-in-plan']);
    const r = preCommit(dir, '--all-files', '--verbose');
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /Check carbon peak pilot plans\.+Passed/);
    assert.deepEqual(findingsIn(r.output), expectations(nodePath.join(ROOT, 'examples/broken/not-in-plan')));
    assert.ok(findingsIn(r.output).every((f) => f.endsWith(' not-in-plan')));
  });

  it('a commit renaming an ID in one file fails on the references to it in files the commit does not touch', () => {
    const dir = project(['examples/guangzhou']);
    const file = nodePath.join(dir, 'examples/guangzhou/indicators.pilot.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('id: IND-NONFOSSIL-SHARE', 'id: IND-NONFOSSIL-RATIO'));
    ok(run('git', ['add', file], dir, env), 'git add');
    const r = preCommit(dir); // the staged file only
    assert.equal(r.status, 1, r.output);
    const renamed = fs.readFileSync(file, 'utf8').split('\n').indexOf('  - id: IND-NONFOSSIL-RATIO') + 1;
    assert.ok(renamed > 0);
    assert.deepEqual(findingsIn(r.output), [
      `examples/guangzhou/indicators.pilot.yaml:${renamed} orphan`,
      'examples/guangzhou/tasks/energy.pilot.yaml:11 unresolved-reference',
      'examples/guangzhou/tasks/energy.pilot.yaml:22 unresolved-reference',
    ]);
  });

  it('a commit changing only a pilot-plan.config.yaml checks the plan it configures, not the configuration as a plan file', () => {
    const dir = project(['examples/guangzhou']);
    const config = nodePath.join(dir, 'examples/guangzhou/pilot-plan.config.yaml');
    const text = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, text.replace(/^rules: \{\}$/m, 'rules:\n  orphon: warning'));
    ok(run('git', ['add', config], dir, env), 'git add');
    const misspelt = preCommit(dir);
    assert.equal(misspelt.status, 1, misspelt.output);
    const line = text.split('\n').findIndex((l) => l === 'rules: {}') + 2;
    assert.deepEqual(findingsIn(misspelt.output), [`examples/guangzhou/pilot-plan.config.yaml:${line} schema`]);
    assert.match(misspelt.output, /Did you mean `orphan`\?/);

    fs.writeFileSync(config, text.replace(/^rules: \{\}$/m, 'rules:\n  orphan: error'));
    ok(run('git', ['add', config], dir, env), 'git add');
    const valid = preCommit(dir, '--verbose');
    assert.equal(valid.status, 0, valid.output);
    assert.match(valid.output, /No problems in 6 files/); // the plan's files, not the configuration
  });
});
