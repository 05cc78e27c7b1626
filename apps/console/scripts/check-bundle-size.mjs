#!/usr/bin/env node
// The console's initial JavaScript budget, measured as users download it: gzipped. Angular's own budgets
// count raw bytes, so the build keeps a loose raw bound and this check (run by `npm test`) holds the real
// line: the scripts index.html loads or preloads must stay under 350 KB gzipped. Prints every figure.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist/apps/console/browser');
const html = readFileSync(join(root, 'index.html'), 'utf8');
const files = new Set();
for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) files.add(m[1]);
if (files.size === 0) throw new Error(`no scripts found in ${join(root, 'index.html')}`);

let raw = 0;
let gz = 0;
for (const file of files) {
  const bytes = readFileSync(join(root, file));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`  ${file.padEnd(40)} ${(bytes.length / 1024).toFixed(2).padStart(9)} KB ${(zipped / 1024).toFixed(2).padStart(9)} KB gz`);
}
console.log(`  initial total${' '.repeat(28)} ${(raw / 1024).toFixed(2).padStart(9)} KB ${(gz / 1024).toFixed(2).padStart(9)} KB gz (budget ${BUDGET_KB} KB gz)`);
if (gz > BUDGET_KB * 1024) {
  console.error(`console initial JavaScript is ${(gz / 1024).toFixed(1)} KB gzipped, over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
