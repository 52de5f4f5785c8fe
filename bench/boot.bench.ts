/**
 * Boot time under QEMU TCG, per shared Debian kernel: the extracted ELF vmlinux booted through its PVH note
 * against the XZ bzImage as shipped (the naive method, `baseline`). Also the one-off costs the cache saves:
 * extracting the vmlinux and building the initramfs. Each boot is a full `kgap boot` (QEMU start to power-off).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { planGuestChecks } from '../src/analysis/boot/guest-checks.js';
import { renderInitScript } from '../src/analysis/boot/init-script.js';
import { runBoot } from '../src/app/boot/run-boot.js';
import { sharedBootKernels } from '../src/sources/boot/boot-test-data.js';
import { parseKernelImage } from '../src/sources/boot/kernel-image.js';
import { runExtractVmlinux } from '../src/sources/boot/run-extract-vmlinux.js';
import { writeInitramfs } from '../src/sources/boot/write-initramfs.js';
import { type Bench, type BenchFigure, median, round } from './bench.js';

const REPEATS = 2; // each boot is seconds of a full core; the machine has two

async function bootOnce(kernel: string, cacheDir: string, extract: boolean): Promise<{ s: number; image: string }> {
  const run = await runBoot({
    kernel,
    timeoutSeconds: 120,
    cacheDir,
    extract,
    env: process.env,
    now: () => performance.now(),
  });
  if (run.assessment.verdict !== 'pass')
    throw new Error(`boot of ${kernel} failed: ${run.assessment.reasons.join('; ')}`);
  return { s: run.durationSeconds, image: run.booted.image };
}

/** Alternates the two methods so a change in machine load (the machine is shared) hits both alike. */
async function bootSeconds(kernel: string, cacheDir: string) {
  const fast: number[] = [];
  const slow: number[] = [];
  let image = '';
  for (let i = 0; i < REPEATS; i++) {
    const v = await bootOnce(kernel, cacheDir, true);
    fast.push(v.s);
    image = v.image;
    slow.push((await bootOnce(kernel, cacheDir, false)).s);
  }
  return { vmlinux: { s: median(fast), image }, bz: { s: median(slow) } };
}

export const benches: readonly Bench[] = [
  {
    name: 'boot: extracted vmlinux vs bzImage (QEMU TCG)',
    async run() {
      const kernels = sharedBootKernels();
      if (kernels === null) throw new Error('../shared/data/boot kernels absent');
      const cacheDir = mkdtempSync(join(tmpdir(), 'kgap-boot-bench-'));
      const figures: BenchFigure[] = [];
      try {
        for (const k of kernels) {
          const bytes = readFileSync(k.file);
          const image = parseKernelImage(bytes);
          if (image === null) throw new Error(`${k.file} is not a kernel`);
          const t0 = performance.now();
          const x = await runExtractVmlinux({ bytes, image, hash: k.debian, cacheDir, xz: 'xz' });
          if (!('path' in x)) throw new Error(x.problem);
          figures.push({
            name: `vmlinux extraction ${k.debian} (cold, xz)`,
            value: round((performance.now() - t0) / 1000, 2),
            unit: 's',
          });
          const { vmlinux, bz } = await bootSeconds(k.file, cacheDir);
          figures.push({
            name: `boot ${k.debian} to power-off, ${vmlinux.image} (median of ${REPEATS})`,
            value: vmlinux.s,
            unit: 's',
            target: 5,
            targetOk: vmlinux.s <= 5,
            baseline: bz.s,
            note: `bzImage ${bz.s} s; ${round(bz.s / vmlinux.s, 2)}x faster; load average ${round(loadavg()[0] ?? 0, 1)}`,
          });
        }
        const busybox = '/bin/busybox';
        const init = renderInitScript(planGuestChecks({ expectRelease: 'x', console: 'ttyS0', modules: [] }));
        const t0 = performance.now();
        await writeInitramfs({
          busyboxPath: busybox,
          initScript: init,
          extraFiles: [],
          cacheDir: join(cacheDir, 'cold'),
        });
        figures.push({
          name: 'initramfs build (cold: cpio, uncompressed)',
          value: round(performance.now() - t0, 0),
          unit: 'ms',
        });
      } finally {
        rmSync(cacheDir, { recursive: true, force: true });
      }
      return figures;
    },
  },
];
