#!/usr/bin/env node
// `npm run build`: bundles the tool into dist/ with esbuild, one chunk per command (see
// docs/decisions.md), plus the worker that checks files on other cores. It also fixes the cache
// fingerprint here, at build time: a hash of the tool's version, its pure core (parsing, schemas,
// checks) and the exact dependency versions, so that a cache written by any other build is
// rebuilt, and no run pays for computing it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []))
    .sort();
}

const hash = createHash('sha256');
hash.update(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
for (const file of [join(ROOT, 'package-lock.json'), ...files(join(ROOT, 'src', 'core'))]) {
  hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
}
const fingerprint = hash.digest('hex').slice(0, 16);

// zod re-exports all of its sixty message languages as `z.locales`; the tool uses only English
// (the schemas' own messages), and loading the rest cost every run that checks a file.
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/.test(args.importer)
        ? { path: join(args.resolveDir, '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: ROOT,
    }));
  },
};

rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { main: 'src/cli/main.ts', 'parse-worker': 'src/store/parse-worker.ts', 'stat-worker': 'src/store/stat-worker.ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // These read data files next to their own code at run time, so they stay in node_modules.
  external: ['@touch4it/ical-timezones', 'pdfkit', 'fontkit'],
  define: { __MENTOR_COORD_FINGERPRINT__: JSON.stringify(fingerprint) },
  plugins: [englishOnly],
  // Bundled CommonJS dependencies `require` Node's built-ins and use __dirname.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url); import { fileURLToPath as __fu } from 'node:url'; const __filename = __fu(import.meta.url); const __dirname = __fu(new URL('.', import.meta.url));",
  },
});
