/**
 * Prints kgap's Kbuild inference against a real build's own record (the figures of docs/semantics.md, "Relevance"):
 *
 *   node dist/scripts/relevance-vs-build.js [--source DIR|TARBALL] [--build DIR|TARBALL] [--config FILE]
 *
 * Defaults: the shared Kbuild tarball and the shared small x86_64 build (whose .config is used).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileClassifier } from '../src/analysis/relevance/assess-relevance.js';
import { type BuildComparison, compareWithBuild } from '../src/analysis/relevance/compare-with-build.js';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { readBuildRecord } from '../src/sources/kbuild/read-build-record.js';
import { readKbuildModel } from '../src/sources/kbuild/read-kbuild-model.js';
import { readKernelConfig } from '../src/sources/read-kernel-config.js';

const shared = sharedDataDir() ?? '../shared/data';
const { values } = parseArgs({
  options: {
    source: { type: 'string', default: join(shared, 'source', 'linux-6.1.170-kbuild.tar.xz') },
    build: { type: 'string', default: join(shared, 'build', 'linux-6.1.170-x86_64-small-build.tar.xz') },
    config: { type: 'string' },
  },
});
const cacheDir = join(process.env.TMPDIR || tmpdir(), 'kgap-relevance-vs-build');
const progress = (m: string): void => void process.stderr.write(`${m}\n`);
const record = await readBuildRecord(values.build, { cacheDir, progress });
const configPath = values.config ?? record.config;
if (configPath === null) throw new Error('the build has no .config: pass --config');
const model = await readKbuildModel(values.source, { cacheDir, tmpDir: tmpdir(), progress });
const config = await readKernelConfig(configPath);
const c = compareWithBuild(model.files ?? [], record, fileClassifier(model, config));
process.stdout.write(renderComparison(c, { source: values.source, build: values.build }));

function renderComparison(c: BuildComparison, about: { source: string; build: string }): string {
  const pct = (n: number, of: number): string => `${((100 * n) / Math.max(of, 1)).toFixed(2)}%`;
  const total = (v: { built: number; notBuilt: number; unknown: number }): number => v.built + v.notBuilt + v.unknown;
  const line = (name: string, v: { built: number; notBuilt: number; unknown: number }): string =>
    `${name}: ${total(v)} — built ${v.built}, not built ${v.notBuilt} (${pct(v.notBuilt, total(v))}), unknown ${v.unknown}`;
  return [
    `source ${about.source}; build ${about.build}`,
    line('compiled .c/.S', c.compiled),
    `  same built-in/module linkage as the build: ${c.compiled.sameLinkage}`,
    line('.c/.S #included into compiled files', c.includedSources),
    line('uncompiled .c/.S', c.uncompiled),
    line('headers the build included', c.includedHeaders),
    line('headers it did not include', c.unusedHeaders),
    `false not-built (used by the build, called not built): ${c.falseNotBuilt.length}`,
    ...c.falseNotBuilt.map((f) => `  ${f.path}: ${f.reason}`),
    `compiled files kgap leaves unknown: ${c.compiledUnknown.length}`,
    ...c.compiledUnknown.map((f) => `  ${f.path}: ${f.reason}`),
    'uncompiled files kgap leaves unknown, by reason:',
    ...c.uncompiledUnknownReasons.map(([r, n]) => `  ${n} ${r}`),
    '',
  ].join('\n');
}
