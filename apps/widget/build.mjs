// Builds the widget: the loader (HOST/widget.js), the frame app (HOST/widget/frame.{html,js,css})
// and a demo host page. Fails when the size budget is exceeded, because every byte here is paid
// by every page view of every site that embeds us.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const projectRoot = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = join(projectRoot, '../..');
const outDir = join(workspaceRoot, 'dist/apps/widget');
const KB = 1024;
const BUDGET = { loaderGz: 5 * KB, totalGz: 40 * KB };

const common = {
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  legalComments: 'none',
  // The root tsconfig's `paths` resolve @parley/shared/*.
  tsconfig: join(projectRoot, 'tsconfig.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, 'widget'), { recursive: true });
mkdirSync(join(outDir, 'demo'), { recursive: true });

await build({ ...common, entryPoints: [join(projectRoot, 'src/loader/main.ts')], outfile: join(outDir, 'widget.js') });
await build({
  ...common,
  entryPoints: [join(projectRoot, 'src/frame/main.tsx')],
  outfile: join(outDir, 'widget/frame.js'),
  jsx: 'automatic',
  jsxImportSource: 'preact',
});
await build({ ...common, entryPoints: [join(projectRoot, 'src/frame/frame.css')], outfile: join(outDir, 'widget/frame.css') });

writeFileSync(join(outDir, 'widget/frame.html'), minifyHtml(readFileSync(join(projectRoot, 'src/frame/frame.html'), 'utf8')));
writeFileSync(join(outDir, 'demo/index.html'), readFileSync(join(projectRoot, 'src/demo/index.html'), 'utf8'));

const shipped = ['widget.js', 'widget/frame.html', 'widget/frame.js', 'widget/frame.css'];
const sizes = shipped.map((file) => {
  const bytes = readFileSync(join(outDir, file));
  return { file, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
});
const total = sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gz: sum.gz + s.gz }), { raw: 0, gz: 0 });
const fmt = (n) => (n / KB).toFixed(2).padStart(7) + ' KB';

console.log(`widget build → ${relative(workspaceRoot, outDir)}`);
console.log('  file                      raw        gzip');
for (const s of sizes) console.log(`  ${s.file.padEnd(20)} ${fmt(s.raw)} ${fmt(s.gz)}`);
console.log(`  ${'total'.padEnd(20)} ${fmt(total.raw)} ${fmt(total.gz)}`);
console.log(`  budget: loader ≤ ${fmt(BUDGET.loaderGz).trim()} gz, loader+frame ≤ ${fmt(BUDGET.totalGz).trim()} gz`);

const failures = [];
if (sizes[0].gz > BUDGET.loaderGz) failures.push(`loader is ${sizes[0].gz} B gzipped (budget ${BUDGET.loaderGz} B)`);
if (total.gz > BUDGET.totalGz) failures.push(`loader+frame is ${total.gz} B gzipped (budget ${BUDGET.totalGz} B)`);
if (failures.length) {
  console.error('Size budget exceeded:\n  ' + failures.join('\n  '));
  process.exit(1);
}

/** Comments and indentation only; the template is ours and has no <pre> or inline scripts. */
function minifyHtml(html) {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\n\s*/g, ' ')
    .replace(/>\s+</g, '><')
    .trim();
}
