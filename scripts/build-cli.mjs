#!/usr/bin/env node
// Bundles the CLI (src/cli/main.ts) with esbuild into dist/bin/: kgap.js (the `bin`) and its chunks, all in that
// one folder. Why: loading one bundle costs less than resolving and compiling ~100 modules, and `kgap --version`
// gets its version inlined. Command modules stay lazily loaded: each dynamic import() becomes its own chunk
// (`splitting`), so a status run does not parse the hardening tables or zod. The library (dist/src, from tsc) is
// not bundled. Run after tsc (`npm run build`), which type-checks what esbuild only strips.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bin');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// A source file's `import.meta.url` keeps meaning the URL of its tsc-compiled twin in dist/src (e.g.
// sharedDataDir() counts four folders up from it to find ../shared/data): bundled, it would be the chunk's URL.
// Every output sits directly in dist/bin, so the twin is one fixed relative path away.
const keepModuleUrl = {
  name: 'keep-module-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const twin = relative(outdir, join(root, 'dist', relative(root, args.path))).replace(/\.ts$/, '.js');
      const url = `new URL(${JSON.stringify(twin.split('\\').join('/'))}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { kgap: join(root, 'src', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  define: { KGAP_VERSION: JSON.stringify(version) },
  // commander is CommonJS: its require('node:events') needs a require in an ES module.
  banner: {
    js: "import { createRequire as kgapCreateRequire } from 'node:module'; const require = kgapCreateRequire(import.meta.url);",
  },
  plugins: [keepModuleUrl],
  logLevel: 'warning',
});
