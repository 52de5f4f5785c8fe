/**
 * End-to-end boots of the real Debian arm64 kernel (an uncompressed Image) under `qemu-system-aarch64 -M virt`
 * (TCG), through the built CLI: the kernel gated against itself with the product's test program in the guest
 * (two boots at once), the same kernel as a candidate whose test fails (with Debian's arm64 modules loaded when
 * they are installed), and a crafted panic. Four boots of 2-10 s. They skip, saying why, when QEMU, the arm64
 * busybox, the cross compiler or the shared kernel are missing (.ci/run installs them).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sharedArm64Kernel, sharedArm64ModulesDir } from '../src/sources/boot/boot-test-data.js';
import { findOnPath } from '../src/sources/boot/read-boot-tools.js';
import { bootScratch, kgapBoot } from './helpers/boot-cli.js';
import { buildGuestProgram } from './helpers/guest-programs.js';
import { kcidbErrors } from './helpers/kcidb-schema.js';

const { work, cacheDir } = bootScratch('kgap-boot-arm64-');
const kgap = kgapBoot;

// Where .ci/run unpacks Debian's busybox-static:arm64; kgap finds it there by itself.
const ARM64_BUSYBOX = '/opt/kgap/arm64/bin/busybox';
const kernel = sharedArm64Kernel();
const qemuMissing = (await findOnPath('qemu-system-aarch64', process.env.PATH)) === null;
const bootSkip =
  kernel === null
    ? '../shared/data/boot/vmlinuz-6.1.170-3-arm64 absent'
    : qemuMissing
      ? 'qemu-system-aarch64 missing (apt-get install qemu-system-arm)'
      : !existsSync(ARM64_BUSYBOX)
        ? `no arm64 busybox at ${ARM64_BUSYBOX} (.ci/run unpacks Debian's busybox-static:arm64 there)`
        : false;
const probe = buildGuestProgram({ name: 'ktap-probe', arch: 'arm64', dir: join(work, 'add') });
const runSkip = bootSkip || ('skip' in probe ? probe.skip : false);
const modulesDir = sharedArm64ModulesDir();
const modulesSkip =
  modulesDir === null
    ? "Debian's arm64 modules absent (.ci/run unpacks linux-image-6.1.0-47-arm64-unsigned:arm64 into /opt/kgap/arm64 and runs depmod)"
    : false;

type GateJson = {
  verdict: string;
  reasons: string[];
  counts: Record<string, number>;
  regressions: { test: string; detail?: string }[];
};

describe('kgap boot and gate on the real Debian arm64 kernel', { concurrency: false }, () => {
  const pair = join(work, 'pair');
  const failing = join(work, 'failing');

  it('gates go against itself, the product test passing in both guests (two boots at once)', { skip: runSkip }, () => {
    assert.ok(kernel && 'dir' in probe);
    const r = kgap([
      ...['gate', '--baseline-kernel', kernel.file, '--candidate-kernel', kernel.file],
      ...['--add', probe.dir, '--run', '/probe/ktap-probe'],
      ...['--out', pair, '--cache-dir', cacheDir, '--format', 'json'],
    ]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const gate = JSON.parse(r.stdout) as GateJson;
    assert.equal(gate.verdict, 'go');
    assert.equal(gate.counts.compared, 18 + 2 + 5);
    assert.match(r.stderr, /baseline boot pass in [\d.]+ s \(arm64 Image\)/);
    for (const side of ['baseline', 'candidate']) {
      const consoleText = readFileSync(join(pair, side, 'console.log'), 'utf8');
      assert.match(consoleText, /Linux version 6\.1\.0-47-arm64 .* Debian 6\.1\.170-3 /);
      assert.match(consoleText, /Kernel command line: console=ttyAMA0 panic=-1/);
      const ktap = readFileSync(join(pair, side, 'boot.ktap'), 'utf8');
      assert.match(ktap, /^# kgap boot: 6\.1\.0-47-arm64$/m);
      assert.match(ktap, /^ {4}ok 5 sys_sane$/m);
      assert.match(ktap, /^ {8}ok 5 release_check$/m);
      assert.doesNotMatch(ktap, /not ok/);
    }
  });

  it('a candidate whose product test fails: boot exits 1, gate says no-go naming the test', { skip: runSkip }, () => {
    assert.ok(kernel && 'dir' in probe);
    const modules = modulesDir === null ? [] : ['--modules', 'dummy,loop', '--modules-dir', modulesDir];
    const boot = kgap([
      ...['boot', '--kernel', kernel.file, '--cache-dir', cacheDir, '--out', failing],
      ...['--add', probe.dir, '--run', '/probe/ktap-probe --fail-release 6.1.0-47-arm64', ...modules],
    ]);
    assert.equal(boot.code, 1, boot.stdout + boot.stderr);
    assert.match(boot.stdout, /^run +ktap-probe\/release_check +fail +6\.1\.0-47-arm64 is the release/m);
    const r = kgap(['gate', '--baseline', join(pair, 'baseline'), '--candidate', failing, '--format', 'json']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const gate = JSON.parse(r.stdout) as GateJson;
    assert.equal(gate.verdict, 'no-go');
    assert.ok(
      gate.regressions.some((x) => x.test === 'boot_run/ktap-probe/release_check'),
      r.stdout,
    );
    assert.match(gate.reasons[0] ?? '', /boot_run\/ktap-probe\/release_check \(pass -> fail\)/);
    // The same gate for KernelCI: valid KCIDB, the failing product test a regression of the candidate build.
    const k = kgap(['gate', '--baseline', join(pair, 'baseline'), '--candidate', failing, '--format', 'kcidb']);
    assert.equal(k.code, 1, k.stderr);
    const doc = JSON.parse(k.stdout) as { tests: { path: string; status: string; misc?: { finding?: string } }[] };
    assert.deepEqual(kcidbErrors(doc), []);
    const test = doc.tests.find((t) => t.path === 'boot_run.ktap-probe.release_check' && t.misc?.finding);
    assert.deepEqual([test?.status, test?.misc?.finding], ['FAIL', 'regression']);
  });

  it("loads Debian's arm64 modules in the guest (dummy, loop)", { skip: runSkip || modulesSkip }, () => {
    const ktap = readFileSync(join(failing, 'boot.ktap'), 'utf8');
    assert.match(ktap, /^ {4}ok \d+ module_dummy_loads$/m);
    assert.match(ktap, /^ {4}ok \d+ module_loop_loads$/m);
  });

  it('a candidate that panics: boot exits 1, gate says no-go naming the panic', { skip: bootSkip }, () => {
    assert.ok(kernel);
    const out = join(work, 'panic');
    const boot = kgap([
      ...['boot', '--kernel', kernel.file, '--cache-dir', cacheDir, '--out', out],
      ...['--append', 'rdinit=/nonexistent', '--timeout', '90'],
    ]);
    assert.equal(boot.code, 1, boot.stdout + boot.stderr);
    assert.match(boot.stdout, /no_kernel_panic +fail +Kernel panic - not syncing: VFS: Unable to mount root fs/);
    if (!existsSync(join(pair, 'baseline'))) return; // the gate half needs the pair (skipped without the test program)
    const r = kgap(['gate', '--baseline', join(pair, 'baseline'), '--candidate', out, '--format', 'json']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const gate = JSON.parse(r.stdout) as GateJson;
    assert.equal(gate.verdict, 'no-go');
    assert.match(
      gate.regressions.find((x) => x.test === 'boot_host/no_kernel_panic')?.detail ?? '',
      /^Kernel panic - not syncing/,
    );
    assert.match(gate.reasons.join('\n'), /new crash signature in the candidate: panic: Kernel panic - not syncing/);
  });
});

describe('kgap boot arm64 input errors (no boot needed)', () => {
  it(
    'missing qemu-system-aarch64: exit 2 naming the package',
    { skip: kernel === null && 'shared arm64 kernel absent' },
    () => {
      assert.ok(kernel);
      const r = kgap(['boot', '--kernel', kernel.file, '--cache-dir', cacheDir], {
        ...process.env,
        PATH: join(work, 'empty'),
      });
      assert.equal(r.code, 2);
      assert.equal(
        r.stderr,
        'kgap: qemu-system-aarch64 not found on PATH; install it: apt-get install qemu-system-arm (the arm64 kernel needs it)\n',
      );
    },
  );

  it('an x86-64 busybox for the arm64 kernel: exit 2 saying what to install', { skip: bootSkip }, (t) => {
    if (!existsSync('/bin/busybox')) return t.skip('/bin/busybox absent');
    assert.ok(kernel);
    const r = kgap(['boot', '--kernel', kernel.file, '--cache-dir', cacheDir, '--busybox', '/bin/busybox']);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^kgap: --busybox \/bin\/busybox is built for x86-64 and the kernel is arm64: give a static arm64 busybox \(dpkg --add-architecture arm64 .* dpkg-deb -x busybox-static_\*_arm64\.deb \/opt\/kgap\/arm64\)\n$/,
    );
  });

  it('a dynamically linked arm64 busybox: exit 2', { skip: bootSkip }, (t) => {
    assert.ok(kernel);
    const dynamic = buildGuestProgram({
      name: 'ktap-probe',
      arch: 'arm64',
      dir: join(work, 'dyn'),
      linking: 'dynamic',
    });
    if ('skip' in dynamic) return t.skip(dynamic.skip);
    const r = kgap(['boot', '--kernel', kernel.file, '--cache-dir', cacheDir, '--busybox', dynamic.program]);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^kgap: --busybox \S+ is dynamically linked and cannot run in the initramfs \(it has no libc\)/,
    );
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  });

  it('arm64 modules for an x86-64 kernel are refused before booting', { skip: modulesSkip }, (t) => {
    const x86 = join(kernel?.file ?? '', '..', 'vmlinuz-6.1.170-3-amd64');
    if (!existsSync(x86)) return t.skip('shared x86-64 kernel absent');
    if (modulesDir === null) return;
    const r = kgap([
      'boot',
      '--kernel',
      x86,
      '--cache-dir',
      cacheDir,
      '--modules',
      'dummy',
      '--modules-dir',
      modulesDir,
    ]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /^kgap: --modules-dir \S+: kernel\/drivers\/net\/dummy\.ko is built for arm64, and the kernel is x86_64\n$/,
    );
  });
});
