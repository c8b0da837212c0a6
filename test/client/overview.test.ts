/**
 * The Plan Overview's client side without VS Code: the server's answer read leniently, the
 * page's click messages accepted only in their one shape, fresh nonces the server accepts;
 * and its contributions (the command in the editor title bar and the palette for plan files).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeNonce, readOpenMessage, readOverviewResult, readShownTimes, shownSeq } from '../../client/src/overview-data';
import { PARAMS } from '../../server/src/lsp/params';
import { repoRoot } from '../util/plan';

describe('client: the Plan Overview', () => {
  it('reads the server’s answer leniently; no answer is none', () => {
    assert.equal(readOverviewResult(undefined), undefined);
    assert.equal(readOverviewResult({ html: 3 }), undefined);
    assert.deepEqual(readOverviewResult({ html: '<p>', title: 7, planRoot: '/p', files: ['file:///p/a.pilot.yaml', 4] }), { html: '<p>', title: '', planRoot: '/p', files: ['file:///p/a.pilot.yaml'] });
  });

  it('reads the server’s times of an answer, and the page’s word about which report it shows', () => {
    const timing = { editedAt: 1, checkStartedAt: 2, checkedAt: 3, receivedAt: 4, answeredAt: 5 };
    assert.deepEqual(readOverviewResult({ html: '', timing: { ...timing, checkedAt: 'x' } })?.timing, { editedAt: 1, checkStartedAt: 2, receivedAt: 4, answeredAt: 5 });
    assert.equal(readOverviewResult({ html: '', timing: { editedAt: 1 } })?.timing, undefined);
    assert.equal(shownSeq({ type: 'shown', seq: 7 }), 7);
    assert.equal(shownSeq({ type: 'shown' }), undefined, 'a page loaded from its HTML');
    assert.equal(shownSeq({ type: 'shown', seq: '7' }), undefined);
    assert.deepEqual(readShownTimes({ type: 'shown', receivedAt: 10, swappedAt: 12 }), { receivedAt: 10, swappedAt: 12 });
    assert.equal(readShownTimes({ type: 'shown', receivedAt: 10 }), undefined);
  });

  it('accepts a click’s place only as { type: open, uri, line ≥ 1 }', () => {
    assert.deepEqual(readOpenMessage({ type: 'open', uri: 'file:///p/a.pilot.yaml', line: 3 }), { uri: 'file:///p/a.pilot.yaml', line: 3 });
    for (const bad of [null, 'open', { type: 'run', uri: 'file:///x', line: 1 }, { type: 'open', uri: 1, line: 1 }, { type: 'open', uri: 'file:///x', line: 0 }, { type: 'open', uri: 'file:///x', line: 1.5 }, { type: 'open', uri: 'file:///x', line: NaN }]) {
      assert.equal(readOpenMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('makes a fresh nonce for each page, of the shape the server accepts', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.ok(PARAMS.overview({ uri: 'file:///p/a.pilot.yaml', nonce: a, cspSource: 'https://*.vscode-cdn.net' }));
  });

  it('is in the editor title bar and the Command Palette for plan files, titled in both languages', () => {
    const root = repoRoot();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const menus = pkg.contributes.menus as Record<string, { command: string; when?: string; group?: string }[]>;
    assert.deepEqual(menus['editor/title'].find((m) => m.command === 'pilotPlan.showOverview'), { command: 'pilotPlan.showOverview', when: 'resourceLangId == pilot-plan', group: 'navigation' });
    assert.equal(menus.commandPalette.find((m) => m.command === 'pilotPlan.showOverview')?.when, 'editorLangId == pilot-plan');
    const nls = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'))['command.showOverview'];
    assert.equal(nls('package.nls.json'), 'Plan Overview');
    assert.equal(nls('package.nls.zh-cn.json'), '试点方案概览');
  });
});
