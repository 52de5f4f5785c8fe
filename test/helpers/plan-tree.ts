import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VendorPatchFact } from '../../scripts/gen-tree/vendor-commits.js';
import { generateTree, SIZES, selectRecords } from '../../scripts/gen-tree.js';
import { readStoredIndex } from '../../src/sources/vulns/index-store.js';
import { realIndex } from './real-index.js';

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
    const real = await realIndex();
    if (!real) return null;
    const index = await readStoredIndex(real.cacheDir, { withCommits: true });
    if (!index) throw new Error('the real index has no commit ids');
    const prefer = ['CVE-2025-21629', 'CVE-2022-48628'];
    const preset = SIZES[size];
    const t = performance.now();
    await generateTree({
      outDir: dir,
      records: selectRecords(index.records, { every: preset.every, prefer }),
      releaseNames: [...real.releases.byName.keys()],
      branch: '6.1',
      stableUpTo: 130,
      vendorBase: 110,
      mainlineFillers: preset.mainlineFillers,
      stableFillers: preset.stableFillers,
      vendorOnly: 12,
      prefer,
      sharedFiles: preset.sharedFiles,
      sharedFunctions: preset.sharedFunctions,
      vendorPatches: preset.vendorPatches,
    });
    genSeconds = (performance.now() - t) / 1000;
  }
  const scenario = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')) as { patches: VendorPatchFact[] };
  return { dir, tree: join(dir, 'linux'), vulns: join(dir, 'vulns'), patches: scenario.patches, genSeconds };
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
