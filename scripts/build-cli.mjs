#!/usr/bin/env node
// Bundles the CLI with esbuild into dist/bin/, what package.json's `bin` runs:
// - kgap.cjs, the entry (src/cli/main.ts): one small CommonJS file with the version inlined, so `kgap --version`
//   costs little more than starting Node (an ES module entry costs ~5 ms more to start);
// - program.js and its chunks (src/cli/program.ts): ES modules, one chunk per lazily imported command module
//   (`splitting`), so a command loads only its own code;
// - status/program.cjs, the same program for `kgap status` alone, one CommonJS file run from V8's code cache.
// Why bundle: loading a few chunks costs less than resolving and compiling ~100 modules. The library (dist/src,
// from tsc) is not bundled. Run after tsc (`npm run build`), which type-checks what esbuild only strips.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bin');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// A source file's `import.meta.url` keeps meaning the URL of its tsc-compiled twin in dist/src (e.g.
// sharedDataDir() counts four folders up from it to find ../shared/data): bundled, it would be the chunk's URL.
// Every output of one build sits directly in its output folder, so the twin is one fixed relative path away.
// `base` is the expression for the output file's own URL: `import.meta.url` in an ES module, CJS_MODULE_URL (set
// by a banner from `__filename`) in a CommonJS one.
const CJS_MODULE_URL = '__kgapModuleUrl';
const keepModuleUrl = (from, base = 'import.meta.url') => ({
  name: 'keep-module-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const twin = relative(from, join(root, 'dist', relative(root, args.path))).replace(/\.ts$/, '.js');
      const url = `new URL(${JSON.stringify(twin.split('\\').join('/'))}, ${base}).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
});

// The entry imports the program at run time, from the second build's output beside it.
const programApart = {
  name: 'program-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/(status\/)?program\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

// Small, pure-JS packages every run needs are bundled; every other package (native addons such as better-sqlite3,
// heavy libraries loaded only by one format or command such as the CycloneDX library, database drivers) stays an
// ordinary import from node_modules, resolved at run time.
const BUNDLED = new Set(['commander', 'zod', 'yaml']);
const packagesApart = {
  name: 'packages-apart',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return undefined;
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };

rmSync(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { program: join(root, 'src', 'cli', 'program.ts') },
  outdir,
  splitting: true,
  format: 'esm',
  chunkNames: '[name]-[hash]',
  // commander is CommonJS: its require('node:events') needs a require in an ES module.
  banner: {
    js: "import { createRequire as kgapCreateRequire } from 'node:module'; const require = kgapCreateRequire(import.meta.url);",
  },
  plugins: [keepModuleUrl(outdir), packagesApart],
});

// `kgap status`, the main job, gets a program of its own: the same program.ts, built with the other commands left
// out (its command table never loads them when the command is `status`), as one CommonJS file,
// dist/bin/status/program.cjs, which main.ts runs through `vm.Script` with V8's code cache
// (src/cli/compiled-program.ts): Node 20 caches no compiled code for ES modules. Its content hash names the cache.
const statusOut = join(outdir, 'status');
const onlyStatus = {
  name: 'only-status',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) => {
      if (!/[\\/]cli[\\/]commands[\\/]index\.ts$/.test(args.importer) || args.path === './status.js') return undefined;
      return { path: args.path, external: true };
    });
  },
};
// A warm `kgap status` starts no process and reads its cache files synchronously, but commander and kgap's git
// runner import node:child_process (which loads node:net) and many modules import node:fs/promises (which loads
// readline and the file watchers) at their top level: ~2 ms and ~1 ms to load in a fresh process, measured. In the status
// program each is a stand-in with one getter per export, which loads the real module on first use.
const LAZY_BUILTINS = ['child_process', 'fs/promises'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) => {
      const path = `node:${args.path.replace(/^node:/, '')}`;
      return args.namespace === 'lazy-builtin' ? { path, external: true } : { path, namespace: 'lazy-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const names = Object.keys(createRequire(import.meta.url)(args.path));
      const contents = [
        'let real;',
        `const load = () => (real ??= require(${JSON.stringify(args.path)}));`,
        `for (const name of ${JSON.stringify(names)})`,
        '  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });',
      ].join('\n');
      return { contents, loader: 'js' };
    });
  },
};
const statusProgram = join(statusOut, 'program.cjs');
await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'program.ts')],
  outfile: statusProgram,
  format: 'cjs',
  banner: { js: `var ${CJS_MODULE_URL} = require('node:url').pathToFileURL(__filename).href;` },
  plugins: [keepModuleUrl(statusOut, CJS_MODULE_URL), packagesApart, onlyStatus, lazyBuiltins],
});
const statusHash = createHash('sha256').update(readFileSync(statusProgram)).digest('hex').slice(0, 16);

await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outfile: join(outdir, 'kgap.cjs'),
  format: 'cjs',
  // The version is known here, so version.ts's fallback (read package.json via import.meta.url) is dead code
  // and dropped: CommonJS has no import.meta.
  define: { KGAP_VERSION: JSON.stringify(version), KGAP_BUNDLED: 'true', KGAP_STATUS_HASH: JSON.stringify(statusHash) },
  minifySyntax: true,
  logOverride: { 'empty-import-meta': 'silent' },
  plugins: [programApart],
});
