/**
 * The file system host gives the text and the stamp of the file it read, or,
 * where the bytes cannot be text, the bytes: decode() then says what is wrong
 * (not UTF-8, binary) and where.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileHost, UNSTAMPED } from '../../server/src/engine/plan/node-host';
import { parseBytes, parseText } from '../../server/src/engine/parse/load';
import { formatMessage } from '../../server/src/engine/i18n/messages';
import { Workspace, type FileContent } from '../../server/src/engine/plan/workspace';
import { MAX_FILE_BYTES } from '../../server/src/engine/parse/decode';

describe('NodeFileHost', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-host-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, bytes: Buffer | string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  };
  const parsed = (p: string, c: FileContent) => (c.text !== undefined ? parseText(p, c.text) : parseBytes(p, c.bytes!));
  const host = new NodeFileHost();

  it('gives the text of a file, with the stamp of the file it read', () => {
    const p = write('a.pilot.yaml', 'kind: Tasks\ntitle: 广州市碳达峰试点\n');
    const c = host.read(p)!;
    assert.equal(c.text, 'kind: Tasks\ntitle: 广州市碳达峰试点\n');
    assert.equal(c.bytes, undefined);
    assert.equal(c.stamp, host.stamp(p));
  });

  it('reads into one buffer, yet what it gave stays as it was after later reads', () => {
    // Bad bytes first, then files smaller and larger than the buffer (it grows, then stops growing).
    const bad = write('bad.pilot.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]));
    const sizes = [10, 100_000, 30, 1_000_000, 200_000]; // 碳 is 3 bytes: up to 3 MB, larger than the buffer's 1 MiB
    const files = sizes.map((n, i) => write(`s${i}.pilot.yaml`, `# ${'碳'.repeat(n)}\n`));
    const first = host.read(bad)!;
    const got = files.map((p) => host.read(p)!);
    assert.deepEqual(Buffer.from(first.bytes!), Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]));
    got.forEach((c, i) => assert.ok(c.text === `# ${'碳'.repeat(sizes[i])}\n`, `file ${i}`)); // not assert.equal: its message would print megabytes
    const huge = host.read(files[3])!;
    assert.equal(huge.text!.length, 1_000_003);
    assert.deepEqual(Buffer.from(first.bytes!), Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]));
  });

  it('keeps a byte order mark for the parser to strip, as from bytes', () => {
    const p = write('bom.pilot.yaml', '\uFEFFkind: Tasks\n');
    const c = host.read(p)!;
    assert.equal(parsed(p, c).text, 'kind: Tasks\n');
    assert.deepEqual(parsed(p, c).data, parseBytes(p, fs.readFileSync(p)).data);
  });

  it('text that is not UTF-8: decode says what is wrong and where', () => {
    const cases: [string, Buffer, RegExp][] = [
      ['latin1.pilot.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]), /not valid UTF-8 \(bad byte at 3\)/],
      ['nul.pilot.yaml', Buffer.from('kind: Tasks\n\0\n'), /binary \(it contains a NUL byte at byte 12\)/],
      ['utf16.pilot.yaml', Buffer.from('\uFEFFkind: Tasks\n', 'utf16le'), /not valid UTF-8|binary/],
    ];
    for (const [name, bytes, message] of cases) {
      const p = write(name, bytes);
      const c = host.read(p)!;
      assert.deepEqual(Buffer.from(c.bytes!), bytes);
      const syntax = parsed(p, c).syntax;
      assert.equal(syntax.length, 1, name);
      assert.match(formatMessage(syntax[0].message, 'en'), message);
    }
  });

  it('reads a file that really holds U+FFFD to the same text, without a problem', () => {
    const p = write('fffd.pilot.yaml', 'title: a\uFFFDb\n');
    const c = host.read(p)!;
    assert.equal(parsed(p, c).text, 'title: a\uFFFDb\n');
    assert.deepEqual(parsed(p, c).syntax, []);
  });

  it('gives nothing for a folder or a missing file', () => {
    assert.equal(host.read(dir), undefined);
    assert.equal(host.read(path.join(dir, 'missing.pilot.yaml')), undefined);
  });

  it('without stamps (the checker): the same contents, small files read without their stamp', () => {
    const unstamped = new NodeFileHost({ stamps: false });
    const small = write('u-small.pilot.yaml', 'kind: Tasks\ntitle: 广州市碳达峰试点\n');
    const empty = write('u-empty.pilot.yaml', '');
    const big = write('u-big.pilot.yaml', `# ${'碳'.repeat(40_000)}\n`); // 120 KB: more than the buffer holds at first
    const bad = write('u-bad.pilot.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]));
    for (const p of [small, empty, big, bad]) {
      const got = unstamped.read(p)!;
      const want = host.read(p)!;
      assert.ok(got.text === want.text, p);
      assert.deepEqual(got.bytes && Buffer.from(got.bytes), want.bytes && Buffer.from(want.bytes));
    }
    assert.equal(unstamped.read(small)!.stamp, UNSTAMPED);
    assert.equal(unstamped.read(empty)!.text, '');
    // A file larger than the buffer is read with its stamp; the buffer then grows, and holds it next time.
    assert.equal(new NodeFileHost({ stamps: false }).read(big)!.stamp, host.stamp(big));
    assert.equal(unstamped.read(dir), undefined);
    assert.equal(unstamped.read(path.join(dir, 'missing.pilot.yaml')), undefined);
  });

  it('a file above the size limit is not read: its size alone makes the finding, for 8 MiB + 1 byte and for 3 GB', () => {
    // Sparse files: nothing is written to disk. Read whole, the 3 GB one failed ("cannot be read"), and
    // 1.5 GB took seconds and as much memory before the limit was looked at.
    const sizes = [MAX_FILE_BYTES + 1, 3 * 1024 ** 3];
    for (const [i, size] of sizes.entries()) {
      const p = path.join(dir, `big-${i}.pilot.yaml`);
      fs.writeFileSync(p, 'kind: Plan\n');
      fs.truncateSync(p, size);
      for (const h of [host, new NodeFileHost({ stamps: false })]) {
        const c = h.read(p)!;
        assert.ok(c, `${size}: read`);
        assert.equal(c.tooLarge, size);
        assert.equal(c.text, undefined);
        assert.equal(c.bytes, undefined);
      }
      const ws = new Workspace(new NodeFileHost({ stamps: false }), { snapshot: true });
      const m = ws.load(p)!;
      assert.equal(m.parsed.syntax.length, 1);
      assert.match(formatMessage(m.parsed.syntax[0].message, 'en'), new RegExp(`The file is ${(size / 1048576).toFixed(1)} MiB; pilot plan files are checked up to 8 MiB`));
      assert.match(formatMessage(m.parsed.syntax[0].message, 'zh-CN'), /超过检查上限 8 MiB/);
    }
    // At the limit exactly, the file is read.
    const p = write('limit.pilot.yaml', '');
    fs.truncateSync(p, MAX_FILE_BYTES);
    assert.equal(host.read(p)!.tooLarge, undefined);
  });
});
