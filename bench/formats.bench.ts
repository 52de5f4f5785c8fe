/**
 * Issue 12: the cost of the ecosystem formats. One real view (Debian 6.1.170 with its config and Kbuild tree:
 * 2,563 findings, 504 not built) rendered in every status format, median of 5 in-process renders; `json` is the
 * baseline each figure is measured beside. CycloneDX includes loading its library on the first render only.
 */
import { join } from 'node:path';
import { runStatus } from '../src/app/status/run-status.js';
import { STATUS_FORMATS, statusFormats } from '../src/formats/status/index.js';
import { resolveDataOptions, sharedDataDir } from '../src/sources/data/data-options.js';
import { realIndex } from '../test/helpers/real-index.js';
import { type Bench, type BenchFigure, median, round } from './bench.js';

async function timeFormat(render: () => string | Promise<string>): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  await render(); // warm: a lazily loaded library is loaded here
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    bytes = (await render()).length;
    times.push(performance.now() - t0);
  }
  return { ms: median(times), bytes };
}

export const benches: readonly Bench[] = [
  {
    name: 'status formats (6.1.170, Debian config)',
    async run(): Promise<readonly BenchFigure[]> {
      const real = await realIndex();
      const shared = sharedDataDir();
      if (!real || !shared) return [{ name: 'status formats', value: Number.NaN, unit: 'ms', note: 'no shared data' }];
      const data = resolveDataOptions(
        {
          cacheDir: real.cacheDir,
          vulnsRepo: join(shared, 'vulns.git'),
          releases: join(shared, 'linux-kernel-releases.json'),
        },
        {},
        null,
      );
      const { view } = await runStatus({
        target: { kind: 'version', version: '6.1.170' },
        data,
        build: {
          config: join(shared, 'configs', 'debian-6.1.170-3-amd64.config'),
          source: join(shared, 'source', 'linux-6.1.170-kbuild.tar.xz'),
        },
        tmpDir: process.env.TMPDIR ?? '/tmp',
      });
      const base = await timeFormat(() => statusFormats.json(view));
      const rows: BenchFigure[] = [];
      for (const format of STATUS_FORMATS) {
        const t = format === 'json' ? base : await timeFormat(() => statusFormats[format](view));
        rows.push({
          name: `render status --format ${format}`,
          value: round(t.ms, 1),
          unit: 'ms',
          baseline: round(base.ms, 1),
          note: `${view.shown.length} findings, ${Math.round(t.bytes / 1024)} KiB`,
        });
      }
      return rows;
    },
  },
];
