/**
 * `kgap harden` speed: one real config against the whole checklist in-process (read + parse + assess, and assess
 * alone), and the whole shared config corpus in one CLI call (process start to JSON on stdout).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { assessHardening } from '../src/analysis/hardening/assess-hardening.js';
import { hardeningChecks } from '../src/analysis/hardening/checks/index.js';
import { kernelFactsOf } from '../src/analysis/hardening/kernel-facts.js';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { decodeKernelConfig } from '../src/sources/read-kernel-config.js';
import { type Bench, median, round } from './bench.js';
import { CLI } from './time-cli.js';

function configsDir(): string {
  const shared = sharedDataDir();
  if (!shared) throw new Error('../shared/data absent (set KGAP_SHARED_DATA)');
  return join(shared, 'configs');
}

export const benches: readonly Bench[] = [
  {
    name: 'harden: one config in-process',
    async run() {
      const file = join(configsDir(), 'debian-6.1.170-3-amd64.config');
      const bytes = readFileSync(file);
      const full: number[] = [];
      const assessOnly: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        const config = decodeKernelConfig(bytes, file);
        const t1 = performance.now();
        assessHardening({
          checks: hardeningChecks,
          inputs: { config, cmdline: null, sysctl: null },
          facts: kernelFactsOf(config),
          source: file,
          asOf: '2026-01-01',
        });
        const t2 = performance.now();
        full.push(t2 - t0);
        assessOnly.push(t2 - t1);
      }
      const value = round(median(full), 2);
      return [
        {
          name: 'harden: parse + assess debian-6.1.170 (median of 30)',
          value,
          unit: 'ms',
          target: 50,
          targetOk: value <= 50,
          note: `${hardeningChecks.length} checks`,
        },
        { name: 'harden: assess only (median of 30)', value: round(median(assessOnly), 2), unit: 'ms' },
      ];
    },
  },
  {
    name: 'harden: whole corpus in one CLI call',
    async run() {
      const dir = configsDir();
      const dirs = [dir, join(dir, 'distros'), join(dir, 'defconfigs')];
      const count = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.config'))).length;
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [CLI, 'harden', '--config', ...dirs, '--format', 'json'], {
          maxBuffer: 1 << 28,
        });
        if (r.status !== 0) throw new Error(`kgap harden exited ${r.status}: ${r.stderr.toString()}`);
        times.push(performance.now() - t0);
      }
      const value = Math.round(median(times));
      return [
        {
          name: `harden: ${count} configs, one CLI call, --format json (median of 3)`,
          value,
          unit: 'ms',
          target: 2000,
          targetOk: value <= 2000,
          note: `wall clock; 1-min load average ${loadavg()[0]?.toFixed(1) ?? '?'} on the 2-core machine`,
        },
      ];
    },
  },
];
