/**
 * Issue 15 targets: a `kgap boot` of the shared Debian arm64 kernel <= 40 s, a whole arm64
 * `gate --baseline-kernel --candidate-kernel` (the product's test program in both guests) <= 90 s. Beside them,
 * measured in the same run: the naive QEMU setup (`-cpu max` as the shared README gives it, pointer
 * authentication emulated with QARMA5) and a gzip'd initramfs, the two choices kgap made differently, and the gate
 * with its two boots one after the other. Needs qemu-system-aarch64 and an arm64 busybox (.ci/run installs them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { assessBoot } from '../src/analysis/boot/assess-boot.js';
import { planGuestChecks } from '../src/analysis/boot/guest-checks.js';
import { renderInitScript } from '../src/analysis/boot/init-script.js';
import { runBoot } from '../src/app/boot/run-boot.js';
import { runGateKernels } from '../src/app/gate/run-gate-kernels.js';
import { sharedArm64Kernel } from '../src/sources/boot/boot-test-data.js';
import { readBootTools } from '../src/sources/boot/read-boot-tools.js';
import { planQemuArgs, runQemu } from '../src/sources/boot/run-qemu.js';
import { writeInitramfs } from '../src/sources/boot/write-initramfs.js';
import { type Bench, type BenchFigure, median, round } from './bench.js';

const REPEATS = 3;
const now = () => performance.now();
const load = () => `load average ${round(loadavg()[0] ?? 0, 1)}`;

/** The test program of the boot tests, built static for arm64 (null without the cross compiler). */
function probeDir(work: string): string | null {
  const dir = join(work, 'add');
  try {
    mkdirSync(join(dir, 'probe'), { recursive: true });
    const source = fileURLToPath(new URL('../../test/fixtures/guest-tests/ktap-probe.c', import.meta.url));
    execFileSync('aarch64-linux-gnu-gcc', ['-static', '-O2', '-s', '-o', join(dir, 'probe', 'ktap-probe'), source]);
    return dir;
  } catch {
    return null;
  }
}

/** One boot of QEMU as given (the baselines), judged like kgap judges its own boots. */
async function qemuBoot(kernel: string, initrd: string, cpu: string, release: string): Promise<number> {
  const tools = await readBootTools({ arch: 'arm64', env: process.env });
  const args = planQemuArgs({ arch: 'arm64', kernel, initrd, append: 'console=ttyAMA0 panic=-1', cpu });
  const run = await runQemu({ qemu: tools.qemu, args, timeoutMs: 300_000, now });
  const guestChecks = planGuestChecks({ expectRelease: release, console: 'ttyAMA0', modules: [] });
  const a = assessBoot({ console: run.console, ending: { ...run, timeoutSeconds: 300 }, guestChecks });
  if (a.verdict !== 'pass') throw new Error(`baseline boot failed: ${a.reasons.join('; ')}`);
  return round(run.durationMs / 1000, 1);
}

export const benches: readonly Bench[] = [
  {
    name: 'boot arm64: kgap boot and gate of the Debian arm64 kernel (QEMU TCG, -M virt)',
    async run() {
      const kernel = sharedArm64Kernel();
      if (kernel === null) throw new Error('../shared/data/boot/vmlinuz-6.1.170-3-arm64 absent');
      const work = mkdtempSync(join(tmpdir(), 'kgap-boot-arm64-bench-'));
      const figures: BenchFigure[] = [];
      try {
        const cacheDir = join(work, 'cache');
        const shared = { timeoutSeconds: 300, cacheDir, extract: true, env: process.env, now };
        // The same checks and initramfs gzip'd, alternating with kgap's own boots so a change of load hits both.
        const tools = await readBootTools({ arch: 'arm64', env: process.env });
        const init = renderInitScript(
          planGuestChecks({ expectRelease: kernel.release, console: 'ttyAMA0', modules: [] }),
        );
        const initramfs = await writeInitramfs({
          busyboxPath: tools.busybox,
          initScript: init,
          extraFiles: [],
          cacheDir,
        });
        const gz = join(work, 'initramfs.cpio.gz');
        writeFileSync(gz, gzipSync(readFileSync(initramfs.path), { level: 9 }));
        const boots: number[] = [];
        const gzipped: number[] = [];
        for (let i = 0; i < REPEATS; i++) {
          const run = await runBoot({ ...shared, kernel: kernel.file });
          if (run.assessment.verdict !== 'pass') throw new Error(run.assessment.reasons.join('; '));
          boots.push(run.durationSeconds);
          gzipped.push(await qemuBoot(kernel.file, gz, 'max,pauth-impdef=on', kernel.release));
        }
        // The naive CPU model, once: it takes several times as long.
        const naive = await qemuBoot(kernel.file, initramfs.path, 'max', kernel.release);
        const boot = median(boots);
        figures.push({
          name: `arm64 boot 6.1.170-3 to power-off, all checks (median of ${REPEATS})`,
          value: boot,
          unit: 's',
          target: 40,
          targetOk: boot <= 40,
          baseline: naive,
          note: `baseline: -cpu max (QARMA5 pointer auth, 1 run), ${round(naive / boot, 1)}x slower; gzip'd initramfs ${median(gzipped)} s (median, alternating); ${load()}`,
        });
        const add = probeDir(work);
        const side = { kernel: kernel.file };
        const gateInput = {
          baseline: side,
          candidate: side,
          shared: { ...shared, ...(add === null ? {} : { add: [add], run: '/probe/ktap-probe' }) },
          tmpDir: work,
          gate: { asOf: '2026-12-06' },
        };
        let t0 = now();
        const gate = await runGateKernels({ ...gateInput, outDir: null });
        const gateSeconds = round((now() - t0) / 1000, 1);
        if (gate.gate.assessment.verdict !== 'go') throw new Error(gate.gate.assessment.reasons.join('; '));
        t0 = now();
        for (const label of ['baseline', 'candidate']) {
          await runBoot({ ...gateInput.shared, kernel: kernel.file, outDir: join(work, label) });
        }
        const sequential = round((now() - t0) / 1000, 1);
        figures.push({
          name: `arm64 gate --baseline-kernel --candidate-kernel, whole use-case${add === null ? '' : ', with --run test program'}`,
          value: gateSeconds,
          unit: 's',
          target: 90,
          targetOk: gateSeconds <= 90,
          baseline: sequential,
          note: `baseline: the two boots one after the other; ${load()}`,
        });
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      return figures;
    },
  },
];
