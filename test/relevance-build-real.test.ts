/**
 * kgap's relevance against Kbuild's own record of a real build: the shared small x86_64 build of Debian's 6.1.170-3
 * (../shared/data/build, its .config, .cmd files, modules.order, modules.builtin). The figures pinned here are the
 * ones in docs/semantics.md ("Relevance", "Measured against a real build"); `node dist/scripts/relevance-vs-build.js`
 * prints them. The full-source part runs when KGAP_LINUX_SOURCE names Debian's linux-source-6.1 6.1.170-3 tree
 * (.ci/run fetches it), and skips with a message otherwise.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileClassifier } from '../src/analysis/relevance/assess-relevance.js';
import { type BuildComparison, compareWithBuild } from '../src/analysis/relevance/compare-with-build.js';
import { buildIncludeGraph } from '../src/analysis/relevance/include-graph.js';
import { CROSS_ARCH_INCLUDES } from '../src/analysis/relevance/other-arch.js';
import type { BuildRecord } from '../src/domain/build-record.js';
import type { KernelConfig } from '../src/domain/kernel-config.js';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { readBuildRecord } from '../src/sources/kbuild/read-build-record.js';
import { readKbuildModel } from '../src/sources/kbuild/read-kbuild-model.js';
import { readKernelConfig } from '../src/sources/read-kernel-config.js';
import { REAL_DATA_SKIP_REASON } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';

const shared = sharedDataDir();
const BUILD = shared && join(shared, 'build', 'linux-6.1.170-x86_64-small-build.tar.xz');
const KBUILD = shared && join(shared, 'source', 'linux-6.1.170-kbuild.tar.xz');
const skip = BUILD === null || KBUILD === null || !existsSync(BUILD) ? REAL_DATA_SKIP_REASON : false;
const FULL = process.env.KGAP_LINUX_SOURCE ?? null;
const skipFull =
  skip ||
  (FULL === null || !existsSync(join(FULL, 'Makefile'))
    ? 'KGAP_LINUX_SOURCE (Debian linux-source-6.1 6.1.170-3, unpacked) not set: full-source test skipped'
    : false);
const cacheDir = join(process.env.TMPDIR || tmpdir(), 'kgap-test-kbuild-cache');

/**
 * The compiled files kgap leaves unknown, each built by a Kbuild rule kgap does not model: the vDSO image
 * (arch/x86/entry/vdso/Makefile links `vobjs` named only in `targets`), the offsets/bounds headers (the top Kbuild
 * file's `$(offsets-file)`, `$(bounds-file)` rules), the vmlinux linker scripts (`extra-y += vmlinux.lds`, a `.lds.S`
 * preprocessed, not an object), the real-mode trampoline (arch/x86/realmode/Makefile runs `$(build)=$(obj)/rm` by hand),
 * and init/version-timestamp.c (compiled by scripts/Makefile.vmlinux at link time).
 */
const RULES_KGAP_DOES_NOT_MODEL = [
  'arch/x86/entry/vdso/vclock_gettime.c',
  'arch/x86/entry/vdso/vdso-note.S',
  'arch/x86/entry/vdso/vdso.lds.S',
  'arch/x86/entry/vdso/vgetcpu.c',
  'arch/x86/kernel/asm-offsets.c',
  'arch/x86/kernel/vmlinux.lds.S',
  'arch/x86/realmode/rm/header.S',
  'arch/x86/realmode/rm/realmode.lds.S',
  'arch/x86/realmode/rm/reboot.S',
  'arch/x86/realmode/rm/stack.S',
  'arch/x86/realmode/rm/trampoline_64.S',
  'init/version-timestamp.c',
  'kernel/bounds.c',
];

const share = (n: number, of: number): number => n / of;

describe('relevance against a real build (shared small x86_64 build of 6.1.170)', { skip }, () => {
  let record: BuildRecord;
  let config: KernelConfig;
  let kbuildOnly: BuildComparison;
  before(async () => {
    record = await readBuildRecord(BUILD as string, { cacheDir });
    config = await readKernelConfig(record.config as string);
    const model = await readKbuildModel(KBUILD as string, { cacheDir, tmpDir: tmpdir() });
    kbuildOnly = compareWithBuild(model.files ?? [], record, fileClassifier(model, config));
  });

  it("reads Kbuild's record: compiled kernel files, what they included, host programs, modules", () => {
    assert.equal(record.compiled.size, 1079);
    assert.equal(record.included.size, 2219);
    assert.equal(record.host.size, 23);
    assert.deepEqual(record.modules?.length, 14);
    assert.equal(record.compiled.get('net/netfilter/nf_tables_api.c')?.module, 'nf_tables');
    assert.equal(record.compiled.get('fs/ext4/inode.c')?.builtinModule, 'ext4');
    assert.ok(record.linkedVmlinux);
  });

  it('Kbuild inference calls no file the build used "not built"', () => {
    assert.deepEqual(
      kbuildOnly.falseNotBuilt.map((f) => f.path),
      [],
    );
  });

  it('of the 1,055 compiled .c/.S files: 1,042 built with the same built-in/module linkage, 13 unknown', () => {
    assert.deepEqual(kbuildOnly.compiled, { built: 1042, notBuilt: 0, unknown: 13, sameLinkage: 1042 });
  });

  it('the compiled files it leaves unknown are exactly those built by rules kgap does not model', () => {
    assert.deepEqual(
      kbuildOnly.compiledUnknown.map((f) => f.path),
      RULES_KGAP_DOES_NOT_MODEL,
    );
  });

  it('of the 29,515 .c/.S files the build did not compile, 29,333 (99.38%) are called not built', () => {
    assert.deepEqual(kbuildOnly.uncompiled, { built: 0, notBuilt: 29_333, unknown: 182 });
    assert.ok(share(kbuildOnly.uncompiled.notBuilt, 29_515) >= 0.99);
  });

  it('--build-dir on the tarball decides files and headers from the record (CLI)', () => {
    const r = runCli(
      [
        'relevance',
        '--files',
        'net/netfilter/nf_tables_api.c,include/linux/skbuff.h,drivers/gpu/drm/amd/amdgpu/amdgpu_drv.c,arch/arm64/include/asm/io.h',
        '--build-dir',
        BUILD as string,
        '--source',
        KBUILD as string,
        '--format',
        'json',
      ],
      { KGAP_CACHE_DIR: cacheDir },
    );
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.buildDir, BUILD);
    assert.match(doc.config.path, /\.config$/);
    const status = Object.fromEntries(
      doc.relevance.files.map((f: { path: string; status: string }) => [f.path, f.status]),
    );
    assert.deepEqual(status, {
      'arch/arm64/include/asm/io.h': 'not-built',
      'drivers/gpu/drm/amd/amdgpu/amdgpu_drv.c': 'not-built',
      'include/linux/skbuff.h': 'built-in',
      'net/netfilter/nf_tables_api.c': 'module',
    });
    assert.ok(doc.warnings.some((w: string) => /1079 compiled files, 2219 included files, 14 modules/.test(w)));
  });

  it('--build-dir with --built-files is refused, naming the flags (exit 2)', () => {
    const r = runCli([
      'relevance',
      '--files',
      'net/core/dev.c',
      '--build-dir',
      BUILD as string,
      '--built-files',
      BUILD as string,
    ]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--build-dir and builtFiles|--build-dir and --built-files/);
  });
});

describe('relevance against a real build, with the full source tree (#include graph)', { skip: skipFull }, () => {
  let full: BuildComparison;
  let model: Awaited<ReturnType<typeof readKbuildModel>>;
  before(async () => {
    const record = await readBuildRecord(BUILD as string, { cacheDir });
    const config = await readKernelConfig(record.config as string);
    model = await readKbuildModel(FULL as string, { cacheDir, tmpDir: tmpdir() });
    full = compareWithBuild(model.files ?? [], record, fileClassifier(model, config));
  });

  it('no header or source the build used is called not built', () => {
    assert.deepEqual(
      full.falseNotBuilt.map((f) => `${f.path}: ${f.reason}`),
      [],
    );
  });

  it('headers: of 2,111 the build included, 2,102 built, 9 undecided; of 20,335 it did not, 19,199 not built', () => {
    assert.deepEqual(full.includedHeaders, { built: 2102, notBuilt: 0, unknown: 9 });
    assert.deepEqual(full.unusedHeaders, { built: 118, notBuilt: 19_199, unknown: 1018 });
  });

  it('#included sources (kernel/sched/rt.c) are placed by their includer: 16 of 19 built', () => {
    assert.deepEqual(full.includedSources, { built: 16, notBuilt: 0, unknown: 3 });
    assert.deepEqual(full.compiled, { built: 1043, notBuilt: 0, unknown: 12, sameLinkage: 1043 });
  });

  it("every include of another architecture's file from outside it (x86, arm64 targets) is in CROSS_ARCH_INCLUDES", () => {
    const found = new Map<string, Set<string>>();
    for (const arch of ['x86', 'arm64']) {
      const g = buildIncludeGraph(model.includes ?? new Map(), model.files ?? new Set(), arch);
      for (const [from, tos] of g.includes) {
        if (/^(tools|Documentation)\//.test(from)) continue;
        const fromArch = /^arch\/([^/]+)\//.exec(from)?.[1];
        for (const to of tos) {
          const toArch = /^arch\/([^/]+)\//.exec(to)?.[1];
          if (toArch === undefined || toArch === fromArch || toArch === arch) continue;
          if (!found.has(to)) found.set(to, new Set());
          found.get(to)?.add(from);
        }
      }
    }
    for (const [header, by] of found) {
      assert.deepEqual(
        [...by].sort(),
        [...(CROSS_ARCH_INCLUDES.get(header) ?? [])].filter((f) => by.has(f)).sort(),
        header,
      );
    }
  });
});
