/**
 * server/src/lsp/client-files.ts, the file host of a server whose files the client sends: text,
 * bytes (base64) and a size alone become what the disk host gives for the same file (so the engine
 * reports them alike); each set gives a new stamp; folders come and go with their files; and a
 * plan is found and read through it as on disk.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { pathOfUri } from '../../server/src/common/uri-path';
import { MAX_FILE_BYTES } from '../../server/src/engine/parse/decode';
import { NodeFileHost } from '../../server/src/engine/plan/node-host';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { ClientFileHost } from '../../server/src/lsp/client-files';
import { tempDir } from './client';

const p = (rel: string) => pathOfUri(`memfs:/ws/${rel}`);

describe('lsp: the client files host', () => {
  it('gives a new stamp for each set, none after a delete', () => {
    const host = new ClientFileHost();
    assert.equal(host.stamp(p('a.pilot.yaml')), undefined);
    host.set(p('a.pilot.yaml'), { text: 'kind: Tasks\n' });
    const s1 = host.stamp(p('a.pilot.yaml'));
    host.set(p('a.pilot.yaml'), { text: 'kind: Tasks\n' });
    const s2 = host.stamp(p('a.pilot.yaml'));
    assert.ok(s1 && s2 && s1 !== s2);
    assert.deepEqual(host.read(p('a.pilot.yaml')), { text: 'kind: Tasks\n', stamp: s2 });
    assert.equal(host.delete(p('a.pilot.yaml')), true);
    assert.equal(host.delete(p('a.pilot.yaml')), false);
    assert.equal(host.stamp(p('a.pilot.yaml')), undefined);
    assert.equal(host.read(p('a.pilot.yaml')), undefined);
  });

  it('lists folders from its files’ paths, and drops a folder with its last file', () => {
    const host = new ClientFileHost();
    host.set(p('plan.pilot.yaml'), { text: '' });
    host.set(p('tasks/b.pilot.yaml'), { text: '' });
    host.set(p('tasks/a.pilot.yaml'), { text: '' });
    host.set(p('tasks/deep/c.pilot.yaml'), { text: '' });
    const names = (dir: string) => host.readDir(dir)?.map((e) => `${e.name}:${e.kind}`).sort();
    assert.deepEqual(names(p('')), ['plan.pilot.yaml:file', 'tasks:dir']);
    assert.deepEqual(names(p('tasks')), ['a.pilot.yaml:file', 'b.pilot.yaml:file', 'deep:dir']);
    assert.deepEqual(names(nodePath.dirname(p(''))), [`${nodePath.basename(p(''))}:dir`]);
    host.delete(p('tasks/deep/c.pilot.yaml'));
    assert.equal(host.readDir(p('tasks/deep')), undefined);
    assert.deepEqual(names(p('tasks')), ['a.pilot.yaml:file', 'b.pilot.yaml:file']);
    host.delete(p('tasks/a.pilot.yaml'));
    host.delete(p('tasks/b.pilot.yaml'));
    assert.deepEqual(names(p('')), ['plan.pilot.yaml:file']);
  });

  it('gives base64 as bytes, and a size alone above the limit as a file too large: as the disk host', () => {
    const dir = tempDir('pilot-client-files-');
    const bytes = Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0x0a]);
    fs.writeFileSync(nodePath.join(dir, 'bad.pilot.yaml'), bytes);
    const host = new ClientFileHost();
    host.set(p('bad.pilot.yaml'), { base64: bytes.toString('base64') });
    const mine = host.read(p('bad.pilot.yaml'))!;
    const disk = new NodeFileHost().read(nodePath.join(dir, 'bad.pilot.yaml'))!;
    assert.deepEqual([...mine.bytes!], [...disk.bytes!]);
    const a = new Workspace(host).load(p('bad.pilot.yaml'))!;
    const b = new Workspace(new NodeFileHost()).load(nodePath.join(dir, 'bad.pilot.yaml'))!;
    assert.deepEqual(a.parsed.syntax, b.parsed.syntax);
    assert.equal(a.parsed.syntax.length, 1);

    host.set(p('big.pilot.yaml'), { size: MAX_FILE_BYTES + 1 });
    assert.equal(host.read(p('big.pilot.yaml'))!.tooLarge, MAX_FILE_BYTES + 1);
    assert.match(JSON.stringify(new Workspace(host).load(p('big.pilot.yaml'))!.parsed.syntax), /decode\.too-large/);
    assert.throws(() => host.set(p('x.pilot.yaml'), { base64: '@@@' }));
  });

  it('keeps a byte order mark in the text, and the engine reads it as from disk', () => {
    const host = new ClientFileHost();
    const text = '\ufeffapiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n';
    host.set(p('t.pilot.yaml'), { text });
    const m = new Workspace(host).load(p('t.pilot.yaml'))!;
    assert.equal(m.kind, 'Tasks');
    assert.deepEqual(m.parsed.syntax, []);
  });

  it('serves plan discovery: the plan folder of a file, and the plan’s members', () => {
    const host = new ClientFileHost();
    host.set(p('city/plan.pilot.yaml'), { text: 'apiVersion: pilot-plan/v1\nkind: Plan\nid: P\n' });
    host.set(p('city/tasks/t.pilot.yaml'), { text: 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n' });
    host.set(p('city/node_modules/x.pilot.yaml'), { text: 'kind: Tasks\n' });
    host.set(p('loose.pilot.yaml'), { text: 'kind: Tasks\n' });
    const ws = new Workspace(host);
    assert.equal(ws.planRootOf(p('city/tasks/t.pilot.yaml')), p('city'));
    assert.equal(ws.planRootOf(p('loose.pilot.yaml')), undefined);
    assert.deepEqual(ws.planMembers(p('city')), [p('city/plan.pilot.yaml'), p('city/tasks/t.pilot.yaml')]);
  });
});
