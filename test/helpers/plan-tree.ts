import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VendorPatchFact } from '../../scripts/gen-tree/vendor-commits.js';
import { generateTree, presetOptions } from '../../scripts/gen-tree.js';
import type { PlanInput } from '../../src/app/plan/run-plan.js';
import type { DataOptions } from '../../src/sources/data/data-options.js';
import { generateRealTree, type RealTree, realTreeSource } from './real-tree.js';

/** A generated tree for `kgap plan` (scripts/gen-tree.ts) and the generator's account of its vendor patches. */
export type PlanTree = {
  readonly dir: string;
  readonly tree: string;
  readonly vulns: string;
  readonly patches: readonly VendorPatchFact[];
  /** Seconds it took to generate, or null when it was there already. */
  readonly genSeconds: number | null;
};

/**
 * The 100k or 1M tree with 300 vendor patches (SIZES), generated into `$TMPDIR/kgap-plan-tree-<size>` once and
 * reused by the tests and the bench. Null without the shared data.
 */
export async function ensurePlanTree(size: '100k' | '1m'): Promise<PlanTree | null> {
  const dir = join(tmpdir(), `kgap-plan-tree-${size}`);
  let genSeconds: number | null = null;
  if (!existsSync(join(dir, 'scenario.json'))) {
    const source = await realTreeSource();
    if (!source) return null;
    const t = performance.now();
    await generateTree(presetOptions(size, { ...source, outDir: dir }));
    genSeconds = (performance.now() - t) / 1000;
  }
  const scenario = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')) as { patches: VendorPatchFact[] };
  return { dir, tree: join(dir, 'linux'), vulns: join(dir, 'vulns'), patches: scenario.patches, genSeconds };
}

/** A plan's input with what tests do not vary: HEAD, no config, no branch written, a fixed day. */
export function planInput(tree: string, data: DataOptions, tmpDir: string, extra: Partial<PlanInput> = {}): PlanInput {
  return {
    tree,
    rev: 'HEAD',
    to: 'latest',
    upstreamRef: null,
    stableTree: null,
    build: null,
    writeBranch: null,
    data,
    tmpDir,
    asOf: '2026-08-21',
    ...extra,
  };
}

/** The vendor patches whose planned fate (or evidence) is not the one the generator planted. */
export function fateMismatches(
  planned: readonly { readonly commit: string; readonly fate: string; readonly evidence: { readonly kind: string } }[],
  patches: readonly VendorPatchFact[],
): string[] {
  const got = new Map(planned.map((p) => [p.commit, p]));
  const wrong: string[] = [];
  for (const want of patches) {
    const p = got.get(want.sha);
    const ok =
      p?.fate === want.expect.fate && (want.expect.evidence === null || p.evidence.kind === want.expect.evidence);
    if (!ok)
      wrong.push(
        `${want.kind} ${want.sha.slice(0, 12)}: ${p?.fate}/${p?.evidence.kind}, planted ${JSON.stringify(want.expect)}`,
      );
  }
  if (planned.length !== patches.length) wrong.push(`${planned.length} patches planned, ${patches.length} planted`);
  return wrong;
}

/** The small generated tree (60 vendor patches on v6.1.110, stable tags up to v6.1.130) with its data. */
export type SmallPlanTree = RealTree;

/** Generates the small tree under `dir` (a few seconds); null without the shared data. */
export function smallPlanTree(dir: string): Promise<SmallPlanTree | null> {
  return generateRealTree(join(dir, 'cache'), (source) =>
    presetOptions('small', { ...source, outDir: join(dir, 'gen') }),
  );
}
