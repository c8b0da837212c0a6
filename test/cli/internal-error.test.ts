/** An unexpected exception: one sentence and status 3, never a stack trace unless asked for. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CLI, englishEnv, ROOT } from './run-cli';

function run(env: Record<string, string>) {
  return spawnSync(process.execPath, [CLI, 'check', 'examples/guangzhou'], { cwd: ROOT, env: englishEnv(env), encoding: 'utf8', timeout: 20000 });
}

describe('cli: internal errors', () => {
  it('says what happened in one line, asks for a report, exits 3, prints no stack', () => {
    const r = run({ PILOT_PLAN_FAULT_INJECTION: 'cli' });
    assert.equal(r.status, 3);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^pilot-plan: internal error: injected fault\. Please report this/);
    assert.doesNotMatch(r.stderr, /^\s+at /m);
  });

  it('in Chinese where the locale is', () => {
    const r = run({ PILOT_PLAN_FAULT_INJECTION: 'cli', LANG: 'zh_CN.UTF-8' });
    assert.equal(r.status, 3);
    assert.match(r.stderr, /^pilot-plan：内部错误：injected fault。请连同引发问题的文件一起报告/);
  });

  it('shows the stack with PILOT_PLAN_DEBUG=1, for the report', () => {
    const r = run({ PILOT_PLAN_FAULT_INJECTION: 'cli', PILOT_PLAN_DEBUG: '1' });
    assert.equal(r.status, 3);
    assert.match(r.stderr, /^\s+at /m);
  });
});
