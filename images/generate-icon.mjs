// Draws images/icon.png (128×128 RGBA): a carbon peak curve that rises, peaks and
// falls, with a leaf at the peak, on a green rounded square. No dependencies:
// shapes as distance functions, 4×4 supersampling, PNG written with node:zlib.
// Run: node images/generate-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // samples per axis per pixel

const mix = (a, b, t) => a + (b - a) * t;
const g = (u) => Math.exp(-u * u);
// The curve: from (14, 104) up to the peak (58, 44), then down to (114, 82).
const curveY = (x) => (x < 58 ? 104 - 60 * g((x - 58) / 24) : 82 - 38 * g((x - 58) / 22));
const curve = [];
for (let x = 14; x <= 114; x += 0.5) curve.push([x, curveY(x)]);

function distToPolyline(px, py, pts) {
  let best = Infinity;
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1];
    const [bx, by] = pts[i];
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
  }
  return best;
}

function inRoundedRect(x, y, r) {
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

// Leaf: a lens (two circles), axis from its base at the peak towards the upper right.
const LEAF = { bx: 60, by: 38, angle: -Math.PI / 3.2, length: 34, width: 17 };
function inLeaf(x, y) {
  const { bx, by, angle, length: L, width: W } = LEAF;
  const ux = Math.cos(angle), uy = Math.sin(angle);
  const rx = x - bx, ry = y - by;
  const along = rx * ux + ry * uy - L / 2; // centred on the leaf's middle
  const across = -rx * uy + ry * ux;
  const r = (L * L / (2 * W) + W / 2) / 2;
  const d = (L * L / (2 * W) - W / 2) / 2;
  const inside = Math.hypot(along, across - d) <= r && Math.hypot(along, across + d) <= r;
  const vein = Math.abs(across) < 0.9 && along > -L / 2 + 3 && along < L / 2 - 4;
  return { inside, vein };
}

function sample(x, y) {
  // returns [r, g, b, a] in 0..1
  if (!inRoundedRect(x, y, 26)) return [0, 0, 0, 0];
  const t = y / SIZE;
  let c = [mix(0x38, 0x14, t) / 255, mix(0x9e, 0x5c, t) / 255, mix(0x4a, 0x2c, t) / 255];
  // light fill under the curve
  if (x >= 14 && x <= 114 && y > curveY(x)) c = c.map((v) => mix(v, 1, 0.14));
  // the curve
  if (distToPolyline(x, y, curve) <= 4.5) c = [1, 1, 1];
  const leaf = inLeaf(x, y);
  if (leaf.inside) c = leaf.vein ? [0x2e / 255, 0x7d / 255, 0x32 / 255] : [0xc5 / 255, 0xe8 / 255, 0x6c / 255];
  return [...c, 1];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, gg = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const [cr, cg, cb, ca] = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        r += cr * ca; gg += cg * ca; b += cb * ca; a += ca;
      }
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    const n = SS * SS;
    raw[o] = a ? Math.round((r / a) * 255) : 0;
    raw[o + 1] = a ? Math.round((gg / a) * 255) : 0;
    raw[o + 2] = a ? Math.round((b / a) * 255) : 0;
    raw[o + 3] = Math.round((a / n) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
