/**
 * A fleet scan on several threads: the products are split so that each branch's products stay on one thread
 * (each thread reads a branch's verdicts once) and the products with a config (a Kbuild evaluation each, the
 * expensive part) are spread evenly; every thread writes its own scans, each in its own transaction, to the
 * same store. On one core, or for a small fleet, it is the plain scan.
 */
import { Worker } from 'node:worker_threads';
import { parseUpstreamVersion } from '../../domain/distro-version.js';
import type { Product } from '../../domain/fleet-product.js';
import type { FleetScanReport } from '../../domain/fleet-view.js';
import { UserError } from '../../domain/invalid-input.js';
import { branchOf } from '../../domain/kernel-version.js';
import { deliverPending } from './deliver-notifications.js';
import type { ScanThreadInput } from './fleet-scan-thread.js';
import { type FleetScanInput, runFleetScan, selectProducts } from './run-fleet-scan.js';
import { buildOf } from './scan-product.js';

/** Products with a build cost about this many version-only products (measured: ~0.6 s against ~30 ms). */
const BUILD_WEIGHT = 20;

/** Splits the products into `n` lists: a branch's version-only products together, builds spread. Pure. */
export function planScanThreads(products: readonly Product[], n: number): string[][] {
  const groups = new Map<string, { names: string[]; weight: number }>();
  for (const p of products) {
    const parsed = p.kernel.kind === 'version' ? parseUpstreamVersion(p.kernel.version) : null;
    const heavy = buildOf(p) !== null || p.kernel.kind === 'tree';
    const key = heavy || !parsed?.ok ? `own:${p.name}` : `branch:${branchOf(parsed.version)}`;
    const g = groups.get(key) ?? { names: [], weight: 0 };
    g.names.push(p.name);
    g.weight += heavy ? BUILD_WEIGHT : 1;
    groups.set(key, g);
  }
  const threads = Array.from({ length: n }, () => ({ names: [] as string[], weight: 0 }));
  for (const g of [...groups.values()].sort(
    (a, b) => b.weight - a.weight || (a.names[0] ?? '').localeCompare(b.names[0] ?? ''),
  )) {
    const lightest = threads.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.names.push(...g.names);
    lightest.weight += g.weight;
  }
  return threads.map((t) => t.names.sort()).filter((names) => names.length > 0);
}

function runThread(input: ScanThreadInput, progress: ((m: string) => void) | null): Promise<FleetScanReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./fleet-scan-thread.js', import.meta.url), { workerData: input });
    worker.on(
      'message',
      (m: { progress?: string; report?: FleetScanReport; error?: { name: string; message: string } | string }) => {
        if (m.progress !== undefined) progress?.(m.progress);
        else if (m.report) resolve(m.report);
        else if (m.error !== undefined) {
          const e = m.error;
          reject(
            typeof e === 'object' && (e.name === 'UserError' || e.name === 'InvalidInput')
              ? new UserError(e.message)
              : new Error(typeof e === 'string' ? e : e.message),
          );
        }
      },
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a scan thread exited with code ${code}`));
    });
  });
}

/** Runs the fleet scan on up to `threads` threads (the store at `location` is opened once per thread). */
export async function runFleetScanParallel(
  input: FleetScanInput & { readonly location: string; readonly threads: number },
): Promise<FleetScanReport> {
  const products = await selectProducts(input.store, input.names);
  const plan = planScanThreads(products, Math.max(1, input.threads));
  if (plan.length <= 1 || products.length < 20) return runFleetScan(input);
  const { progress: _, ...data } = input.data;
  const reports = await Promise.all(
    plan.map((names) =>
      runThread(
        { location: input.location, data, tmpDir: input.tmpDir, names, dashboardUrl: input.dashboardUrl ?? null },
        input.progress ?? null,
      ),
    ),
  );
  const byName = (a: { product: string }, b: { product: string }) =>
    a.product < b.product ? -1 : a.product > b.product ? 1 : 0;
  const deliveries = input.notify === false ? null : await deliverPending({ store: input.store, clock: input.clock });
  return {
    scanned: reports.flatMap((r) => r.scanned).sort(byName),
    failed: reports.flatMap((r) => r.failed).sort(byName),
    deliveries,
    warnings: [...new Set(reports.flatMap((r) => r.warnings))].sort(),
  };
}
