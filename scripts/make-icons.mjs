#!/usr/bin/env node
// Draws the add-in icons (assets/icon-16/32/64/80/128.png): a road going into the distance and a check
// badge on a blue rounded square. Pure Node (zlib), so it runs anywhere without image tools.
// Usage: node scripts/make-icons.mjs [outDir]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

export const ICON_SIZES = [16, 32, 64, 80, 128];

const BACKGROUND = [0x1f, 0x5f, 0xa8];
const ROAD = [0xf4, 0xf6, 0xfa];
const BADGE = [0x21, 0x9a, 0x4a];
const WHITE = [0xff, 0xff, 0xff];

// Shapes in unit coordinates (0..1, y down); painted in order, later ones on top.
function insideRoundedRect(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function insidePolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

// The road narrows towards the horizon (upper left) and leaves through the bottom edge.
const ROAD_SHAPE = [
  [0.02, 1.02],
  [0.5, 1.02],
  [0.52, 0.2],
  [0.45, 0.2],
];
const ROAD_CENTRE = [
  [0.26, 1.0],
  [0.485, 0.2],
];
const BADGE_CENTRE = [0.7, 0.68];
const BADGE_RADIUS = 0.28;
const CHECK = [
  [0.57, 0.685],
  [0.665, 0.78],
  [0.83, 0.58],
];

/** Colour (RGBA 0..255) of one sample point, or null when it is outside the icon. */
function sample(x, y, size) {
  if (!insideRoundedRect(x, y, 0.18)) return null;
  let colour = BACKGROUND;
  if (insidePolygon(x, y, ROAD_SHAPE)) {
    colour = ROAD;
    // Dashed centre line fading into the distance; at 16 px the dashes would turn to mush.
    const along = (1 - y) / 0.8;
    const dashed = size > 16 && along < 0.75 && Math.floor(along * 6.5) % 2 === 0;
    const width = 0.045 * (0.3 + (y - 0.2));
    if (dashed && distanceToSegment(x, y, ROAD_CENTRE[0], ROAD_CENTRE[1]) <= width) colour = BACKGROUND;
  }
  const badgeDistance = Math.hypot(x - BADGE_CENTRE[0], y - BADGE_CENTRE[1]);
  // At 16 px a white ring would eat half the badge; the green reads well enough against the road.
  if (badgeDistance <= BADGE_RADIUS && size > 16) colour = WHITE;
  if (badgeDistance <= BADGE_RADIUS - (size > 16 ? 0.04 : 0)) colour = BADGE;
  const checkHalfWidth = size <= 16 ? 0.065 : 0.045;
  if (
    distanceToSegment(x, y, CHECK[0], CHECK[1]) <= checkHalfWidth ||
    distanceToSegment(x, y, CHECK[1], CHECK[2]) <= checkHalfWidth
  ) {
    colour = WHITE;
  }
  return colour;
}

/** RGBA pixels of the icon at `size`×`size`, anti-aliased by 5×5 supersampling. */
export function renderIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const grid = 5;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const c = sample((px + (sx + 0.5) / grid) / size, (py + (sy + 0.5) / grid) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        pixels[o] = Math.round(r / covered);
        pixels[o + 1] = Math.round(g / covered);
        pixels[o + 2] = Math.round(b / covered);
        pixels[o + 3] = Math.round((255 * covered) / (grid * grid));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A truecolour-with-alpha PNG file (8 bits per channel, no filtering) from RGBA pixels. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const outDir = path.resolve(process.argv[2] ?? path.join(root, "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`Записан значок ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}
