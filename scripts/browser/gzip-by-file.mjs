// What each source file costs in gzip bytes up front, for one size target: the up-front chunks, bundled
// from src with source maps, gzipped whole and then without that file's characters. Minified bytes
// (size.mjs --verbose) overstate code that compresses well and understate strings. From src, core's
// browser build steps are mirrored except its property mangling (tsup.config.ts), so `kit.ts` weighs more here.
// Run: node scripts/browser/gzip-by-file.mjs [signedFetch|fetch|core|ky|axios]
import { gzipSync } from 'node:zlib';
import { bundleBrowser } from './bundle.mjs';
import { SIZE_TARGETS } from './size.mjs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** The source index of each character of `code` (-1: none), from a version 3 source map. */
function ownerOfEachCharacter(code, map) {
  const owner = new Int32Array(code.length).fill(-1);
  const lines = code.split('\n');
  const mappings = map.mappings.split(';');
  let lineStart = 0;
  let source = 0;
  for (let line = 0; line < lines.length; line++) {
    let column = 0;
    const segments = [];
    for (const segment of (mappings[line] ?? '').split(',')) {
      if (segment === '') continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const character of segment) {
        const digit = BASE64.indexOf(character);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    for (let i = 0; i < segments.length; i++) {
      const end = i + 1 < segments.length ? segments[i + 1][0] : lines[line].length;
      for (let c = segments[i][0]; c < end; c++) owner[lineStart + c] = segments[i][1];
    }
    lineStart += lines[line].length + 1;
  }
  return owner;
}

const name = process.argv[2] ?? 'signedFetch';
const target = SIZE_TARGETS[name];
if (!target) throw new Error(`unknown target ${name}: one of ${Object.keys(SIZE_TARGETS).join(', ')}`);
const bundle = await bundleBrowser({
  contents: target.contents,
  external: target.external,
  from: 'src',
  sourcemap: true,
});
const rows = new Map();
let total = 0;
for (const chunk of bundle.chunks.filter((c) => c.initial)) {
  const whole = gzip(chunk.code);
  total += whole;
  const owner = ownerOfEachCharacter(chunk.code, chunk.map);
  for (const index of new Set(owner)) {
    let without = '';
    for (let i = 0; i < chunk.code.length; i++) if (owner[i] !== index) without += chunk.code[i];
    const file = index < 0 ? '(glue)' : chunk.map.sources[index].replace(/^(?:\.\.\/)+/, '');
    const row = rows.get(file) ?? { gzip: 0, minified: 0 };
    row.gzip += whole - gzip(without);
    row.minified += owner.filter((o) => o === index).length;
    rows.set(file, row);
  }
}
console.log(
  `${target.label}, from src: ${total} B gzip up front; per file, gzip bytes saved without it (minified bytes)`,
);
for (const [file, row] of [...rows].sort((a, b) => b[1].gzip - a[1].gzip)) {
  console.log(`${String(row.gzip).padStart(6)} (${String(row.minified).padStart(5)})  ${file}`);
}
