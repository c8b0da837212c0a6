/**
 * The web client's mirror of the workspace, its parts without VS Code (client/src/workspace-files.ts):
 * which files go to the server, a file's bytes as the notification carries them (text with its byte
 * order mark, base64 for bytes that are not UTF-8, the size alone above the engine's limit), the
 * messages a set of files is split into (the last `initial`), a few reads at a time, and the
 * watcher's events merged by file.
 */
import * as assert from 'node:assert/strict';
import { MAX_FILE_BYTES as ENGINE_MAX_FILE_BYTES } from '../../server/src/engine/parse/decode';
import { SKIPPED_DIRS as ENGINE_SKIPPED_DIRS } from '../../server/src/engine/plan/walk';
import { MAX_FILE_BYTES, SKIPPED_DIRS } from '../../client/src/generated/tables';
import {
  MIRROR_EXCLUDE,
  MIRROR_GLOB,
  PendingChanges,
  batchFiles,
  encodeFile,
  inSkippedFolder,
  isMirroredName,
  isReadable,
  mapLimit,
  toBase64,
} from '../../client/src/workspace-files';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('client (web): the files mirrored to the server', () => {
  it('are the pilot plan files and configuration files, outside the folders plan discovery skips (the engine\'s)', () => {
    assert.deepEqual([...SKIPPED_DIRS], [...ENGINE_SKIPPED_DIRS]);
    assert.equal(MAX_FILE_BYTES, ENGINE_MAX_FILE_BYTES);
    assert.equal(MIRROR_GLOB, '**/{*.pilot.yaml,*.pilot.yml,pilot-plan.config.yaml}');
    assert.equal(MIRROR_EXCLUDE, '**/{node_modules,.git,.hg,.svn}/**');
    for (const name of ['plan.pilot.yaml', 'tasks.pilot.yml', 'pilot-plan.config.yaml', '城市.pilot.yaml']) assert.ok(isMirroredName(name), name);
    for (const name of ['plan.yaml', 'pilot-plan.config.yml', 'x.pilot.yaml.bak', 'config.yaml']) assert.ok(!isMirroredName(name), name);
    assert.ok(inSkippedFolder('node_modules/pkg/plan.pilot.yaml'));
    assert.ok(inSkippedFolder('a/.git/b/plan.pilot.yaml'));
    assert.ok(!inSkippedFolder('plans/plan.pilot.yaml'));
    assert.ok(!inSkippedFolder('node_modules.pilot.yaml'), 'a file named like a skipped folder is no folder');
    assert.ok(!inSkippedFolder('my_node_modules/plan.pilot.yaml'));
  });
});

describe('client (web): a file as the notification carries it', () => {
  it('UTF-8 as text, the byte order mark kept: every byte of the file', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('id: 深圳\n')]);
    const f = encodeFile('memfs:/p/plan.pilot.yaml', withBom);
    assert.deepEqual(f, { uri: 'memfs:/p/plan.pilot.yaml', text: '\ufeffid: 深圳\n' });
    assert.equal(encodeFile('x:/a', new Uint8Array()).text, '');
    // The text is the file's bytes, every one: the server gets what the Node server reads from disk.
    assert.deepEqual(bytes(f.text!), withBom);
  });

  it('bytes that are not UTF-8 as base64, which decodes back to the same bytes', () => {
    const latin1 = new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]);
    const f = encodeFile('x:/a', latin1);
    assert.equal(f.text, undefined);
    assert.equal(f.base64, Buffer.from(latin1).toString('base64'));
    const utf16 = new Uint8Array([0xff, 0xfe, 0x69, 0x00]);
    assert.deepEqual(Buffer.from(encodeFile('x:/b', utf16).base64!, 'base64'), Buffer.from(utf16));
  });

  it('base64 without Buffer: any length, past the 32 KiB slices', () => {
    for (const n of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 + 1, 100_001]) {
      const b = new Uint8Array(n).map((_, i) => (i * 131 + 7) & 0xff);
      assert.equal(toBase64(b), Buffer.from(b).toString('base64'), `${n} bytes`);
    }
  });

  it('above 8 MiB the size alone (never read), at 8 MiB the content', () => {
    assert.ok(isReadable(MAX_FILE_BYTES));
    assert.ok(!isReadable(MAX_FILE_BYTES + 1));
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    assert.deepEqual(encodeFile('x:/big', big), { uri: 'x:/big', size: MAX_FILE_BYTES + 1 });
  });
});

describe('client (web): the messages', () => {
  const file = (i: number, chars = 10) => ({ uri: `x:/f${i}.pilot.yaml`, text: 'a'.repeat(chars) });

  it('none to send: one message, initial when asked', () => {
    assert.deepEqual(batchFiles([], [], true), [{ files: [], deleted: [], initial: true }]);
    assert.deepEqual(batchFiles([], ['x:/gone'], false), [{ files: [], deleted: ['x:/gone'] }]);
  });

  it('split by count and by size, every file once and in order, the deletions first and `initial` on the last only', () => {
    const files = Array.from({ length: 25 }, (_, i) => file(i, i === 7 ? 500 : 10));
    const messages = batchFiles(files, ['x:/gone'], true, { chars: 200, files: 6 });
    assert.deepEqual(messages.flatMap((m) => m.files), files);
    assert.deepEqual(messages.map((m) => m.deleted), [['x:/gone'], ...messages.slice(1).map(() => [])]);
    assert.deepEqual(messages.map((m) => m.initial), [...messages.slice(1).map(() => undefined), true]);
    for (const m of messages) {
      assert.ok(m.files.length >= 1 && m.files.length <= 6);
      // A file above the limit goes alone.
      if (m.files.some((f) => f.text!.length > 200)) assert.equal(m.files.length, 1);
      else assert.ok(m.files.reduce((n, f) => n + f.text!.length + f.uri.length, 0) <= 200);
    }
    assert.ok(messages.length >= 5);
    assert.equal(batchFiles(files, [], false, { chars: 1e9, files: 1e9 }).length, 1);
    assert.equal(batchFiles(files, [], false, { chars: 1e9, files: 1e9 })[0].initial, undefined);
  });

  it('counts base64 as content; sizes alone weigh their URI only', () => {
    const messages = batchFiles([{ uri: 'x:/a', base64: 'A'.repeat(150) }, { uri: 'x:/b', base64: 'A'.repeat(150) }, { uri: 'x:/c', size: 9e9 }], [], false, { chars: 200, files: 10 });
    assert.deepEqual(messages.map((m) => m.files.map((f) => f.uri)), [['x:/a'], ['x:/b', 'x:/c']]);
  });
});

describe('client (web): reading a few at a time', () => {
  it('keeps the order, and never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    assert.deepEqual(out, [50, 10, 40, 20, 30, 0, 60]);
    assert.equal(most, 3);
    assert.deepEqual(await mapLimit([], 4, async () => 1), []);
  });
});

describe('client (web): the watcher\'s events until they are sent', () => {
  it('the last word on a file counts; taking them empties the set', () => {
    const p = new PendingChanges();
    p.changed('x:/a');
    p.changed('x:/a');
    p.deleted('x:/b');
    p.changed('x:/c');
    p.deleted('x:/c');
    p.deleted('x:/d');
    p.changed('x:/d');
    assert.equal(p.size, 4);
    assert.deepEqual(p.take(), { changed: ['x:/a', 'x:/d'], deleted: ['x:/b', 'x:/c'] });
    assert.equal(p.size, 0);
    assert.deepEqual(p.take(), { changed: [], deleted: [] });
  });
});
