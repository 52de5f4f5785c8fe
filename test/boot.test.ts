/**
 * End-to-end `kgap boot` runs of the built CLI on the real Debian kernels under QEMU (TCG). Each boot costs
 * 3-5 s on 2 cores, so there are three: one per kernel and one crafted failure. They skip, saying why, when
 * QEMU/busybox or the shared kernels are missing (.ci/run installs the Debian packages).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sharedBootKernels } from '../src/sources/boot/boot-test-data.js';
import { findOnPath } from '../src/sources/boot/read-boot-tools.js';
import { CLI } from './helpers/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'kgap-boot-test-'));
// One cache for the whole file: the initramfs and extracted vmlinux are built once per kernel.
const cacheDir = join(work, 'cache');
after(() => rmSync(work, { recursive: true, force: true }));

function kgap(args: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env, timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const kernels = sharedBootKernels();
const qemuMissing = (await findOnPath('qemu-system-x86_64', process.env.PATH)) === null;
const bootSkip =
  kernels === null
    ? '../shared/data/boot kernels absent'
    : qemuMissing || !existsSync('/bin/busybox')
      ? 'qemu-system-x86_64 or /bin/busybox missing (apt-get install qemu-system-x86 busybox-static)'
      : false;

describe('kgap boot and gate on the real Debian kernels', { concurrency: false }, () => {
  const pair = join(work, 'pair');

  it(
    'gate --baseline-kernel 6.1.170 --candidate-kernel 6.1.192: both boots pass, verdict go',
    { skip: bootSkip },
    () => {
      const [base, cand] = kernels ?? [];
      assert.ok(base && cand);
      const r = kgap([
        ...['gate', '--baseline-kernel', base.file, '--candidate-kernel', cand.file],
        ...['--out', pair, '--cache-dir', cacheDir, '--format', 'json'],
      ]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const gate = JSON.parse(r.stdout);
      assert.equal(gate.verdict, 'go');
      assert.equal(gate.counts.compared, 18);
      for (const [side, k] of [
        ['baseline', base],
        ['candidate', cand],
      ] as const) {
        const consoleText = readFileSync(join(pair, side, 'console.log'), 'utf8');
        assert.match(consoleText, new RegExp(`Linux version ${k.release} .* Debian ${k.debian.replace('.', '\\.')} `));
        const ktap = readFileSync(join(pair, side, 'boot.ktap'), 'utf8');
        assert.match(ktap, /^KTAP version 1\n/);
        assert.match(ktap, /^ {4}ok 3 release_matches$/m);
        assert.doesNotMatch(ktap, /not ok/);
      }
    },
  );

  it(
    'a candidate whose command line leaves no init panics: boot exits 1, gate says no-go and why',
    { skip: bootSkip },
    () => {
      const k = kernels?.[1];
      assert.ok(k);
      const out = join(work, 'panic');
      const boot = kgap([
        ...['boot', '--kernel', k.file, '--cache-dir', cacheDir, '--out', out],
        ...['--append', 'rdinit=/nonexistent', '--timeout', '60'],
      ]);
      assert.equal(boot.code, 1, boot.stdout + boot.stderr);
      assert.match(boot.stdout, /^boot FAILED/);
      assert.match(boot.stdout, /no_kernel_panic +fail +Kernel panic - not syncing/);
      const r = kgap(['gate', '--baseline', join(pair, 'baseline'), '--candidate', out, '--format', 'json']);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const gate = JSON.parse(r.stdout);
      assert.equal(gate.verdict, 'no-go');
      const panic = gate.regressions.find((x: { test: string }) => x.test === 'boot_host/no_kernel_panic');
      assert.match(panic?.detail ?? '', /^Kernel panic - not syncing/);
      assert.equal(gate.counts.newCrashes, 1);
    },
  );
});

describe('kgap boot input errors (no boot needed)', () => {
  const cases = [
    { name: 'missing kernel', args: ['--kernel', join(work, 'nope')], message: /does not exist; pass --kernel/ },
    {
      name: 'not a kernel',
      args: ['--kernel', fileURLToPath(new URL('../../package.json', import.meta.url))],
      message: /is not an x86-64 kernel image/,
    },
    { name: 'bad timeout', args: ['--kernel', 'x', '--timeout', 'soon'], message: /--timeout takes seconds/ },
  ];
  for (const c of cases) {
    it(`${c.name}: exit 2 with one line`, () => {
      const r = kgap(['boot', ...c.args, '--cache-dir', cacheDir]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, c.message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    });
  }

  it(
    'missing QEMU: exit 2 naming the packages to install',
    { skip: kernels === null && 'shared kernels absent' },
    () => {
      const k = kernels?.[0];
      assert.ok(k);
      const r = kgap(['boot', '--kernel', k.file, '--cache-dir', cacheDir], {
        ...process.env,
        PATH: join(work, 'empty'),
      });
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /qemu-system-x86_64 not found on PATH; install it: apt-get install qemu-system-x86 busybox-static/,
      );
    },
  );

  it('a dynamically linked busybox is refused', { skip: kernels === null && 'shared kernels absent' }, (t) => {
    if (qemuMissing) return t.skip('qemu-system-x86_64 missing');
    const k = kernels?.[0];
    assert.ok(k);
    const r = kgap(['boot', '--kernel', k.file, '--cache-dir', cacheDir, '--busybox', process.execPath]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is dynamically linked .* install busybox-static/);
  });
});
