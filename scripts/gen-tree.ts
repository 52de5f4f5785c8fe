/**
 * Generates realistic kernel-shaped git trees for kgap's tree mode tests and bench, with `git fast-import`, from the
 * real vulns records: a mainline line with the records' commits and `Linux X.Y` releases, a stable branch whose
 * releases carry the stable commits the records name (with `commit <sha> upstream.` lines), and a vendor branch
 * (marker backports, cherry-picks, Android UPSTREAM:, trailers, a squashed unmarked backport, a subject-only one, a
 * reverted backport, a backport that brings a bug in, vendor-only commits). Real ids cannot be reproduced, so it also
 * writes a vulns-shaped repository whose records name the generated commits: point `--vulns-repo` at it.
 *
 *   node dist/scripts/gen-tree.js --out DIR [--size small|100k|1m] [--branch 6.1] [--stable-up-to 130] [--vendor-base 110]
 *     [--vendor-patches N]
 *
 * Stable filler commits edit functions of "shared" source files (real paths from the records) in place, and with
 * `vendorPatches` the vendor branch carries patches of every `kgap plan` fate (scripts/gen-tree/plan-patches.ts);
 * `scenario.json` lists each vendor commit with the fate `kgap plan` must give it against the newest stable release.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CveRecord } from '../src/domain/cve.js';
import { formatKernelVersion, type KernelVersion } from '../src/domain/kernel-version.js';
import { fakeSha, fillerMessage, makefile, message, placedFile, placedSubject } from './gen-tree/commit-text.js';
import { FastImport, type FileChange } from './gen-tree/fast-import.js';
import { type PatchCounts, patchCountsFor, planPatches, type StableEdit } from './gen-tree/plan-patches.js';
import { type Placement, planMainlineReleases, planPlacements } from './gen-tree/plan-placements.js';
import { planScenarios, type ScenarioCase } from './gen-tree/plan-scenarios.js';
import { pickSharedFiles, SourceModel } from './gen-tree/source-model.js';
import {
  caseChanges,
  caseExpect,
  caseMessage,
  type ExpectedFate,
  GKH,
  planPatchCommit,
  type VendorPatchFact,
} from './gen-tree/vendor-commits.js';
import { writeVulnsRepo } from './gen-tree/write-vulns-repo.js';

export type GenTreeOptions = {
  readonly outDir: string;
  /** Real records, with commit ids (readIndex(..., { withCommits: true })). */
  readonly records: readonly CveRecord[];
  /** Every known release name (mainline ones become `Linux X.Y` commits and tags). */
  readonly releaseNames: readonly string[];
  readonly branch: string;
  readonly stableUpTo: number;
  /** The vendor branch starts at `v<branch>.<vendorBase>`; null for none. */
  readonly vendorBase: number | null;
  /** Filler commits on mainline, in all, and per stable release. */
  readonly mainlineFillers: number;
  readonly stableFillers: number;
  readonly vendorOnly: number;
  /** Records to prefer for the vendor cases (e.g. CVE-2025-21629). */
  readonly prefer?: readonly string[];
  /**
   * Shared source files (real paths from the records) that stable fillers and vendor patches edit in place, and
   * functions per file (defaults 40 and 16).
   */
  readonly sharedFiles?: number;
  readonly sharedFunctions?: number;
  /**
   * Vendor commits in all, for `kgap plan`: beyond the tree-mode cases and `vendorOnly`, patches of every fate
   * (scripts/gen-tree/plan-patches.ts) make up the rest. Default: none beyond those.
   */
  readonly vendorPatches?: number;
};

export type GenTreeResult = {
  readonly treeDir: string;
  readonly vulnsDir: string;
  readonly commits: number;
  readonly stableRef: string;
  readonly vendorRef: string | null;
  readonly cases: readonly ScenarioCase[];
  /** Real commit id -> generated commit id. */
  readonly shaMap: ReadonlyMap<string, string>;
  /** Every vendor commit (oldest first) with its expected `kgap plan` fate against the newest stable release. */
  readonly patches: readonly VendorPatchFact[];
};

const START = 1113690000; // 2005-04-16, the first commit of Linux's git history

function byVersion(placements: Iterable<Placement>, line: Placement['line']): Map<string, Placement[]> {
  const map = new Map<string, Placement[]>();
  for (const p of placements) {
    if (p.line !== line) continue;
    const key = p.version ? formatKernelVersion(p.version) : 'tip';
    const list = map.get(key) ?? [];
    list.push(p);
    map.set(key, list);
  }
  // Introducing commits before fixes; then by id for determinism.
  for (const list of map.values())
    list.sort((a, b) => (a.role === b.role ? (a.sha < b.sha ? -1 : 1) : a.role === 'intro' ? -1 : 1));
  return map;
}

function makefileOf(v: KernelVersion, sublevel: number) {
  const [a, b, c] = v.branchKey;
  return a === 2 ? makefile(2, 6, c) : makefile(a, b, sublevel);
}

/** A stable filler's prose: a few real-looking sentences, varied by position. */
function stableBody(n: number, i: number): string {
  const lines = [
    'The error path returned without dropping the reference taken above.',
    'A concurrent caller could observe the object before it was initialised.',
    'The length from the device was trusted without a bounds check.',
    'The allocation can fail under memory pressure; handle it.',
  ];
  return lines[(n * 7 + i) % lines.length] as string;
}

/** Plan patches per kind: the vendor commits asked for beyond the tree-mode cases and the vendor-only ones. */
function vendorPatchCounts(o: GenTreeOptions, cases: readonly ScenarioCase[]): PatchCounts {
  const withCommit = cases.filter((c) => c.case !== 'intro-absent');
  const reverts = withCommit.some((c) => c.case === 'reverted') ? 1 : 0;
  const planted = withCommit.length + reverts + o.vendorOnly + 1; // + the defconfig commit
  const extra = o.vendorBase === null || o.vendorPatches === undefined ? 0 : o.vendorPatches - planted;
  return patchCountsFor(Math.max(0, extra));
}

/** Builds the trees and the matching vulns repository under `outDir` (replaced). */
export async function generateTree(o: GenTreeOptions): Promise<GenTreeResult> {
  rmSync(o.outDir, { recursive: true, force: true });
  const treeDir = join(o.outDir, 'linux');
  mkdirSync(treeDir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'master', treeDir]);
  const placed = planPlacements(o.records, o.branch, o.stableUpTo);
  const releases = planMainlineReleases(placed.values(), o.releaseNames, o.branch);
  const mainline = byVersion(placed.values(), 'mainline');
  const stable = byVersion(placed.values(), 'stable');
  const gitDir = join(treeDir, '.git');
  const functions = o.sharedFunctions ?? 16;
  const shared = pickSharedFiles(
    o.records.flatMap((r) => r.programFiles),
    o.sharedFiles ?? 40,
  );

  // Phase 1: mainline.
  let fi = new FastImport(treeDir, join(gitDir, 'marks-1'), START);
  const markOf = new Map<string, string>();
  const releaseMark = new Map<string, string>();
  const perRelease = Math.max(0, Math.floor(o.mainlineFillers / Math.max(1, releases.length)));
  let filler = 0;
  let first = true;
  const initialModel = SourceModel.initial(shared, functions);
  const place = async (
    ref: string,
    p: Placement,
    subject: string,
    lines: string[],
    file: { path: string; content: string },
  ) => {
    markOf.set(p.sha, await fi.commit({ ref, message: message(subject, lines), changes: [file] }));
  };
  for (const v of releases) {
    const name = formatKernelVersion(v);
    if (first) {
      await fi.commit({
        ref: 'refs/heads/master',
        message: message('Initial import', []),
        changes: [{ path: 'Makefile', content: makefileOf(v, 0) }, ...shared.map((_, k) => initialModel.change(k))],
      });
      first = false;
    }
    for (let i = 0; i < perRelease; i++)
      await fi.commit({ ref: 'refs/heads/master', message: fillerMessage(filler++) });
    for (const p of mainline.get(name) ?? [])
      await place('refs/heads/master', p, placedSubject(p), [`Upstream change for ${p.record.id}.`], placedFile(p));
    const mark = await fi.commit({
      ref: 'refs/heads/master',
      message: `Linux ${name}\n`,
      changes: [{ path: 'Makefile', content: makefileOf(v, 0) }],
    });
    releaseMark.set(name, mark);
    await fi.reset(`refs/tags/v${name}`, mark);
  }
  for (const p of mainline.get('tip') ?? [])
    await place('refs/heads/master', p, placedSubject(p), ['Upstream change after the last release.'], placedFile(p));
  let commits = fi.commits;
  const marks1 = await fi.finish();
  const shaMap = new Map<string, string>();
  for (const [sha, mark] of markOf) shaMap.set(sha, marks1.get(mark) as string);
  const branchRelease = marks1.get(releaseMark.get(o.branch) as string) as string;

  // Phase 2a: the stable branch up to the vendor base (its filler commits edit the shared files).
  const stableRef = `refs/heads/linux-${o.branch}.y`;
  const branchV = releases.find((v) => formatKernelVersion(v) === o.branch) as KernelVersion;
  const split = o.vendorBase ?? o.stableUpTo;
  const model = SourceModel.initial(shared, functions);
  const cases =
    o.vendorBase === null
      ? []
      : planScenarios(o.records, placed, { branch: o.branch, vendorBase: o.vendorBase, prefer: o.prefer ?? [] });
  const patchPlan = planPatches({
    files: shared,
    functions,
    upTo: o.stableUpTo,
    fillers: o.stableFillers,
    base: split,
    counts: vendorPatchCounts(o, cases),
  });
  const stableMarks = new Map<string, string>();
  const stableTagMark = new Map<number, string>();
  const fillerMarks = new Map<string, string>();
  const writeStable = async (
    range: { first: number; last: number },
    from: string,
    shaOf: (e: StableEdit) => string,
  ) => {
    let parent: string | undefined = from;
    const commit = async (msg: string, changes: FileChange[]) => {
      const mark = await fi.commit({ ref: stableRef, from: parent, message: msg, changes });
      parent = undefined;
      return mark;
    };
    for (let n = range.first; n <= range.last; n++) {
      for (let i = 0; i < o.stableFillers; i++) {
        const edit = patchPlan.edits.get(`${n}.${i}`);
        if (edit) model.set(edit.slot, edit.after);
        const subject = edit?.subject ?? `net: stable fix ${n}.${i}`;
        const up = edit?.upstream ?? fakeSha(`stable-${n}-${i}`);
        const body = [`commit ${up} upstream.`, '', stableBody(n, i)];
        const mark = await commit(message(subject, body, GKH), edit ? [model.change(edit.slot.file)] : []);
        fillerMarks.set(`${n}.${i}`, mark);
      }
      for (const r of patchPlan.reverts.filter((x) => x.n === n)) {
        model.set(r.of.slot, r.of.before);
        const lines = [`This reverts commit ${shaOf(r.of)}.`, '', 'It causes a regression on some boards.'];
        await commit(message(`Revert "${r.of.subject}"`, lines, GKH), [model.change(r.of.slot.file)]);
      }
      for (const p of stable.get(`${o.branch}.${n}`) ?? []) {
        const up = p.upstream ? placed.get(p.upstream) : undefined;
        const upSha = p.upstream ? shaMap.get(p.upstream) : undefined;
        const lines = upSha
          ? [`commit ${upSha} upstream.`, '', `Backport for ${p.record.id}.`]
          : [`Stable-only change for ${p.record.id}.`];
        const msg = message(up ? placedSubject(up) : placedSubject(p), lines, GKH);
        stableMarks.set(p.sha, await commit(msg, [up ? placedFile(up) : placedFile(p)]));
      }
      const mark = await commit(`Linux ${o.branch}.${n}\n`, [{ path: 'Makefile', content: makefileOf(branchV, n) }]);
      stableTagMark.set(n, mark);
      await fi.reset(`refs/tags/v${o.branch}.${n}`, mark);
    }
  };
  fi = new FastImport(treeDir, join(gitDir, 'marks-2a'), fi.clock + 86_400);
  await writeStable({ first: 1, last: split }, branchRelease, () => {
    throw new Error('a stable revert before the vendor base');
  });
  commits += fi.commits;
  const marks2a = await fi.finish();
  const shaOfEdit = (e: StableEdit) => marks2a.get(fillerMarks.get(`${e.n}.${e.i}`) as string) as string;
  const baseSha = split === 0 ? branchRelease : (marks2a.get(stableTagMark.get(split) as string) as string);
  for (const [sha, mark] of stableMarks) if (!shaMap.has(sha)) shaMap.set(sha, marks2a.get(mark) as string);
  // The vendor's copy of the shared files is the base's.
  const vendorModel = model.clone();

  // Phase 2b: the stable branch past the vendor base, and the vendor branch on the base.
  fi = new FastImport(treeDir, join(gitDir, 'marks-2b'), fi.clock + 86_400);
  stableMarks.clear();
  await writeStable({ first: split + 1, last: o.stableUpTo }, baseSha, shaOfEdit);
  const vendorRef = o.vendorBase === null ? null : 'refs/heads/vendor';
  const vendorMarks = new Map<ScenarioCase['case'], string>();
  const written: { mark: string; kind: VendorPatchFact['kind']; subject: string; expect: ExpectedFate }[] = [];
  if (vendorRef && o.vendorBase !== null) {
    let vfrom: string | undefined = baseSha;
    const vcommit = async (msg: string, changes: FileChange[]) => {
      const mark = await fi.commit({ ref: vendorRef, from: vfrom, message: msg, changes });
      vfrom = undefined;
      return mark;
    };
    const vendorOnly = async (subject: string, path: string, content: string) => {
      const mark = await vcommit(message(subject, ['Vendor-only change.']), [{ path, content }]);
      written.push({ mark, kind: 'vendor-only', subject, expect: { fate: 'clean', evidence: null } });
      return mark;
    };
    const half = Math.ceil(o.vendorOnly / 2);
    for (let i = 0; i < half; i++)
      await vendorOnly(`ANDROID: vendor: board support part ${i}`, `drivers/vendor/board-${i}.c`, `int board_${i};\n`);
    const stableCopies = new Set(
      [...placed.values()]
        .filter((q) => q.line === 'stable' && q.upstream && (q.version?.sublevel ?? 0) > split)
        .map((q) => q.upstream as string),
    );
    for (const c of cases) {
      if (c.case === 'intro-absent') continue;
      const p = placed.get(c.upstream) as Placement;
      const mark = await vcommit(caseMessage(c, p, shaMap.get(c.upstream) as string), caseChanges(c, p));
      vendorMarks.set(c.case, mark);
      written.push({
        mark,
        kind: c.case,
        subject: placedSubject(p),
        expect: caseExpect(c, stableCopies.has(c.upstream)),
      });
    }
    for (const patch of patchPlan.patches) {
      const c = planPatchCommit(patch, vendorModel, shaOfEdit);
      const mark = await vcommit(c.message, c.changes);
      written.push({ mark, kind: patch.kind, subject: c.subject, expect: c.expect });
    }
    const tipMark = await vendorOnly(
      'vendor: update defconfig',
      'arch/arm64/configs/vendor_defconfig',
      'CONFIG_VENDOR=y\n',
    );
    vendorMarks.set('intro-absent', tipMark);
  }
  commits += fi.commits;
  const marks2 = await fi.finish();
  for (const [sha, mark] of stableMarks) if (!shaMap.has(sha)) shaMap.set(sha, marks2.get(mark) as string);
  const patches: VendorPatchFact[] = written.map((w) => ({
    sha: marks2.get(w.mark) as string,
    kind: w.kind,
    subject: w.subject,
    expect: w.expect,
  }));

  // Phase 3: the revert of a vendor backport (it names the backport's id), and the rest of the vendor-only commits.
  if (vendorRef) {
    fi = new FastImport(treeDir, join(gitDir, 'marks-3'), fi.clock + 86_400 * 30);
    let vfrom: string | undefined = marks2.get(vendorMarks.get('intro-absent') as string);
    const late: { mark: string; kind: VendorPatchFact['kind']; subject: string; expect: ExpectedFate }[] = [];
    const reverted = cases.find((c) => c.case === 'reverted');
    const backport = reverted ? marks2.get(vendorMarks.get('reverted') as string) : undefined;
    if (reverted && backport) {
      const p = placed.get(reverted.upstream) as Placement;
      const subject = `Revert "${placedSubject(p)}"`;
      const mark = await fi.commit({
        ref: vendorRef,
        from: vfrom,
        message: message(subject, [
          `This reverts commit ${backport}.`,
          '',
          'Breaks the product; revert until it is sorted.',
        ]),
        changes: [{ path: placedFile(p).path, delete: true }],
      });
      late.push({ mark, kind: 'revert-of-backport', subject, expect: { fate: 'vendor-revert', evidence: null } });
      vfrom = undefined;
    }
    for (let i = Math.ceil(o.vendorOnly / 2); i < o.vendorOnly; i++) {
      const subject = `vendor: thermal tuning ${i}`;
      const mark = await fi.commit({
        ref: vendorRef,
        from: vfrom,
        message: message(subject, ['Vendor-only change.']),
        changes: [{ path: `drivers/vendor/thermal-${i}.c`, content: `int thermal_${i};\n` }],
      });
      late.push({ mark, kind: 'vendor-only', subject, expect: { fate: 'clean', evidence: null } });
      vfrom = undefined;
    }
    commits += fi.commits;
    const marks3 = await fi.finish();
    for (const w of late)
      patches.push({ sha: marks3.get(w.mark) as string, kind: w.kind, subject: w.subject, expect: w.expect });
  }
  execFileSync('git', ['-C', treeDir, 'symbolic-ref', 'HEAD', vendorRef ?? stableRef]);

  const vulnsDir = join(o.outDir, 'vulns');
  await writeVulnsRepo(vulnsDir, o.records, (sha) => shaMap.get(sha) ?? sha, START + 86_400 * 7000);
  const result = { treeDir, vulnsDir, commits, stableRef, vendorRef, cases, shaMap, patches };
  writeFileSync(
    join(o.outDir, 'scenario.json'),
    `${JSON.stringify({ ...result, shaMap: undefined, records: o.records.length }, null, 2)}\n`,
  );
  return result;
}

/**
 * A deterministic sample of records for small trees: every record that names the branch's or mainline's versions is
 * eligible; `every`-th of them is kept, plus the `prefer`red ids.
 */
export function selectRecords(
  records: readonly CveRecord[],
  options: { readonly every: number; readonly prefer: readonly string[] },
): CveRecord[] {
  return records.filter((r, i) => options.prefer.includes(r.id) || (r.dyad.length > 0 && i % options.every === 0));
}

/**
 * Tree sizes. `vendorPatches`: vendor commits in all (`kgap plan`'s bench asks for 300 on the 1M tree, with about
 * 2,000 stable commits between v6.1.110 and v6.1.130).
 */
export const SIZES = {
  small: {
    every: 25,
    mainlineFillers: 2_000,
    stableFillers: 5,
    sharedFiles: 40,
    sharedFunctions: 16,
    vendorPatches: 60,
  },
  '100k': {
    every: 1,
    mainlineFillers: 80_000,
    stableFillers: 20,
    sharedFiles: 150,
    sharedFunctions: 24,
    vendorPatches: 300,
  },
  '1m': {
    every: 1,
    mainlineFillers: 960_000,
    stableFillers: 56,
    sharedFiles: 200,
    sharedFunctions: 24,
    vendorPatches: 300,
  },
} as const;

/**
 * The options of a preset size, from all the records with commit ids: 6.1 up to 6.1.130, the vendor branch on
 * v6.1.110 (the CLI, the bench and the tests build the same trees from this).
 */
export function presetOptions(
  size: keyof typeof SIZES,
  o: { readonly outDir: string; readonly records: readonly CveRecord[]; readonly releaseNames: readonly string[] },
): GenTreeOptions {
  const preset = SIZES[size];
  const prefer = ['CVE-2025-21629', 'CVE-2022-48628'];
  return {
    outDir: o.outDir,
    records: selectRecords(o.records, { every: preset.every, prefer }),
    releaseNames: o.releaseNames,
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
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
  };
  const size = arg('size', 'small') as keyof typeof SIZES;
  if (!SIZES[size]) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const { resolveDataOptions } = await import('../src/sources/data/data-options.js');
  const { readIndex } = await import('../src/sources/vulns/read-index.js');
  const { readReleases } = await import('../src/sources/releases/read-releases.js');
  const data = resolveDataOptions({}, process.env, (m) => process.stderr.write(`${m}\n`));
  const [index, releases] = await Promise.all([
    readIndex(data, { withCommits: true }),
    readReleases(data.releases, data.cacheDir),
  ]);
  const started = performance.now();
  const options = presetOptions(size, {
    outDir: resolve(arg('out', '/tmp/kgap-gen-tree')),
    records: index.records,
    releaseNames: [...releases.byName.keys()],
  });
  const result = await generateTree({
    ...options,
    branch: arg('branch', options.branch),
    stableUpTo: Number(arg('stable-up-to', String(options.stableUpTo))),
    vendorBase: Number(arg('vendor-base', String(options.vendorBase))),
    vendorPatches: Number(arg('vendor-patches', String(options.vendorPatches))),
  });
  process.stderr.write(
    `gen-tree: ${result.commits} commits in ${((performance.now() - started) / 1000).toFixed(1)} s: tree ${result.treeDir}, vulns ${result.vulnsDir}\n`,
  );
  process.stdout.write(`${JSON.stringify(result.cases, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`gen-tree: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
