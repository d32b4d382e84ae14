#!/usr/bin/env node
/* Draws the add-in's icons (assets/*.png) from shapes, so they are reproducible and need no
 * design tool: `node scripts/make-icons.js`. Pure Node: signed-distance shapes, 4×4 supersampling,
 * PNG written with zlib. Two designs:
 *   icon-*    a green score sheet (grid lines) with a white check mark: the add-in itself;
 *   recalc-*  a blue tile with a circular arrow around a sum sign: "Tính lại điểm". */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const OUT = path.join(__dirname, '..', 'assets');

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in a 0..1 square; each returns true when the point is inside.
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
  };
}

function segment(ax, ay, bx, by, width) {
  return (x, y) => {
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    const dx = x - (ax + t * vx);
    const dy = y - (ay + t * vy);
    return dx * dx + dy * dy <= (width / 2) * (width / 2);
  };
}

function ring(cx, cy, radius, width, fromDeg, toDeg) {
  return (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    if (Math.abs(d - radius) > width / 2) return false;
    let a = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
    if (a < 0) a += 360;
    return fromDeg <= toDeg ? a >= fromDeg && a <= toDeg : a >= fromDeg || a <= toDeg;
  };
}

function triangle(ax, ay, bx, by, cx, cy) {
  const sign = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  return (x, y) => {
    const d1 = sign(x, y, ax, ay, bx, by);
    const d2 = sign(x, y, bx, by, cx, cy);
    const d3 = sign(x, y, cx, cy, ax, ay);
    const neg = d1 < 0 || d2 < 0 || d3 < 0;
    const pos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(neg && pos);
  };
}

/** layers: [{ shape, color: [r,g,b] }], painted in order. */
function render(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          let color = null;
          for (const layer of layers) if (layer.shape(x, y)) color = layer.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return rgba;
}

const GREEN = [16, 124, 65]; // Excel green
const LIGHT_GREEN = [122, 190, 150];
const WHITE = [255, 255, 255];
const BLUE = [15, 108, 189];

function sheetIcon(size) {
  const line = Math.max(1.2 / size, 0.04);
  const layers = [{ shape: roundedRect(0.06, 0.06, 0.94, 0.94, 0.14), color: GREEN }];
  // Grid lines of the score sheet, drawn only from 32 px up where they read.
  if (size >= 32) {
    for (const y of [0.32, 0.5, 0.68]) layers.push({ shape: segment(0.18, y, 0.82, y, line), color: LIGHT_GREEN });
    layers.push({ shape: segment(0.38, 0.18, 0.38, 0.82, line), color: LIGHT_GREEN });
  }
  const w = size <= 16 ? 0.16 : 0.13;
  layers.push({ shape: segment(0.26, 0.52, 0.43, 0.7, w), color: WHITE });
  layers.push({ shape: segment(0.43, 0.7, 0.76, 0.3, w), color: WHITE });
  return layers;
}

/** An arrowhead on the end of a ring at angle `deg` (y down, so growing angles turn clockwise),
 *  pointing along the clockwise tangent; its base spans the ring's width and more. */
function arrowHead(cx, cy, radius, deg, halfBase, length) {
  const a = (deg * Math.PI) / 180;
  const rx = Math.cos(a);
  const ry = Math.sin(a);
  const px = cx + radius * rx;
  const py = cy + radius * ry;
  const tx = -ry; // clockwise tangent
  const ty = rx;
  return triangle(px + halfBase * rx, py + halfBase * ry, px - halfBase * rx, py - halfBase * ry, px + length * tx, py + length * ty);
}

function recalcIcon(size) {
  const small = size <= 16;
  const w = small ? 0.15 : 0.1;
  const radius = small ? 0.25 : 0.27;
  // A clockwise circular arrow: the ring runs from 345° round to 280°, the head sits on the 280° end
  // (top) and points right, into the gap; everything stays inside the tile.
  const layers = [
    { shape: roundedRect(0.06, 0.06, 0.94, 0.94, 0.14), color: BLUE },
    { shape: ring(0.5, 0.5, radius, w, 345, 280), color: WHITE },
    { shape: arrowHead(0.5, 0.5, radius, 280, small ? 0.17 : 0.12, small ? 0.2 : 0.16), color: WHITE },
  ];
  // At 16 px a sum sign turns to mud: the circular arrow alone reads as "recalculate".
  if (small) return layers;
  const s = w * 0.65;
  return layers.concat([
    // Sum sign inside the ring, clear of the arrowhead.
    { shape: segment(0.42, 0.41, 0.59, 0.41, s), color: WHITE },
    { shape: segment(0.42, 0.41, 0.52, 0.51, s), color: WHITE },
    { shape: segment(0.52, 0.51, 0.42, 0.61, s), color: WHITE },
    { shape: segment(0.42, 0.61, 0.59, 0.61, s), color: WHITE },
  ]);
}

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const made = [];
  for (const size of [16, 32, 64, 80, 128]) {
    fs.writeFileSync(path.join(OUT, `icon-${size}.png`), png(size, render(size, sheetIcon(size))));
    made.push(`icon-${size}.png`);
  }
  for (const size of [16, 32, 80]) {
    fs.writeFileSync(path.join(OUT, `recalc-${size}.png`), png(size, render(size, recalcIcon(size))));
    made.push(`recalc-${size}.png`);
  }
  console.log('assets/: ' + made.join(', '));
}

if (require.main === module) main();
module.exports = { png, render };
