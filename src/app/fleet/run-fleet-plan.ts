/**
 * `kgap fleet plan`: the update decision record (`kgap plan`, docs/plan.md) of every product with a git tree, to
 * the newest release of its branch, each stored in its own transaction. A product registered by version has no
 * vendor patches to carry over: it is reported as not plannable. A tree already on the newest release its tags
 * know is stored as up to date, so the fleet table stops offering an update it has taken. A planned record's test
 * plan carries the product's most recent recorded gate runs (`earlierGates`, newest first).
 */
import { join } from 'node:path';
import { planRecord } from '../../analysis/plan/plan-record.js';
import { dayOfInstant } from '../../domain/day.js';
import { EARLIER_GATES_IN_PLAN, earlierGateOf } from '../../domain/fleet-gate.js';
import type { NewPlan } from '../../domain/fleet-plan.js';
import type { Product } from '../../domain/fleet-product.js';
import type { FleetPlanReport, PlannedProduct } from '../../domain/fleet-view.js';
import { UserError } from '../../domain/invalid-input.js';
import { branchOf, compareKernelVersions, parseKernelVersion } from '../../domain/kernel-version.js';
import { NoNewerRelease } from '../../domain/no-newer-release.js';
import { branchReleases } from '../../domain/release.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readReleases } from '../../sources/releases/read-releases.js';
import type { PlanBuild } from '../plan/read-plan-build.js';
import { runPlan } from '../plan/run-plan.js';
import { type FleetScanInput, selectProducts } from './run-fleet-scan.js';

/** The inputs of a fleet scan that a plan takes too (the clock gives each plan's time and today's day). */
export type FleetPlanInput = Pick<FleetScanInput, 'store' | 'data' | 'tmpDir' | 'names' | 'clock' | 'progress'>;

/** The product's build as a plan takes it: its config (a build directory's `.config` by default). */
function planBuildOf(product: Product): PlanBuild | null {
  if (product.config === null && product.buildDir === null) return null;
  const config = product.config ?? join(product.buildDir as string, '.config');
  return { config, source: product.source, buildDir: product.buildDir ?? undefined };
}

/** Why a tree is up to date: its base is the newest release of its branch in its tags (the release data may know
 * a newer one whose tag was not fetched). */
async function upToDate(e: NoNewerRelease, data: DataOptions): Promise<string> {
  const base = parseKernelVersion(e.baseTag);
  const line = `${e.baseTag} is the newest release of its branch in the tree's tags`;
  if (base === null) return line;
  const branch = branchOf(base);
  const known = branchReleases(await readReleases(data.releases, data.cacheDir, false, { branch }), branch).at(-1);
  return known && compareKernelVersions(known.version, base) > 0
    ? `${line}; the release data knows ${known.name}: fetch the stable tags (git fetch --tags) to plan for it`
    : line;
}

async function planOne(product: Product, input: FleetPlanInput, warnings: string[]): Promise<PlannedProduct> {
  const k = product.kernel;
  if (k.kind !== 'tree') {
    const reason = `registered by version (${k.version}): a plan needs the product's git tree with its vendor patches (kgap fleet add ${product.name} --tree PATH)`;
    return { product: product.name, status: 'not-plannable', plan: null, reason };
  }
  const common = { productId: product.id, rev: k.rev };
  let plan: NewPlan;
  try {
    const { report, warnings: mine } = await runPlan({
      tree: k.path,
      rev: k.rev,
      to: 'latest',
      upstreamRef: null,
      stableTree: null,
      build: planBuildOf(product),
      writeBranch: null,
      data: input.data,
      tmpDir: input.tmpDir,
      asOf: dayOfInstant(input.clock()),
    });
    for (const w of mine) warnings.push(`${product.name}: ${w}`);
    const earlierGates = (await input.store.gates(product.id, EARLIER_GATES_IN_PLAN)).map(earlierGateOf);
    plan = {
      ...common,
      plannedAt: input.clock().toISOString(),
      outcome: 'planned',
      revCommit: report.from.revCommit,
      from: report.from.version,
      to: report.to.version,
      fates: report.fates,
      verdict: report.verdict,
      record: JSON.stringify(planRecord({ ...report, earlierGates })),
    };
  } catch (error) {
    if (error instanceof NoNewerRelease) {
      plan = {
        ...common,
        plannedAt: input.clock().toISOString(),
        outcome: 'up-to-date',
        revCommit: error.revCommit,
        from: error.baseTag.replace(/^v/, ''),
        to: null,
        fates: null,
        verdict: await upToDate(error, input.data),
        record: null,
      };
    } else if (error instanceof UserError) {
      return { product: product.name, status: 'failed', plan: null, reason: error.message };
    } else throw error;
  }
  const id = await input.store.recordPlan(plan);
  return { product: product.name, status: plan.outcome, plan: { ...plan, id }, reason: null };
}

/** Plans the products (all, or those named), one after the other (a plan runs git on the tree: no sharing). */
export async function runFleetPlan(input: FleetPlanInput): Promise<FleetPlanReport> {
  const products = (await selectProducts(input.store, input.names)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const out: PlannedProduct[] = [];
  const warnings: string[] = [];
  for (const [i, product] of products.entries()) {
    input.progress?.(`planning ${product.name} ${i + 1}/${products.length}`);
    out.push(await planOne(product, input, warnings));
  }
  return { products: out, warnings: [...new Set(warnings)].sort() };
}
