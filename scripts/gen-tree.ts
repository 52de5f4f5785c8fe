/**
 * Generates realistic kernel-shaped git trees for kgap's tree mode tests and bench, with `git fast-import`, from the
 * real vulns records: a mainline line with the records' commits and `Linux X.Y` releases, a stable branch whose
 * releases carry the stable commits the records name (with `commit <sha> upstream.` lines), and a vendor branch
 * (marker backports, cherry-picks, Android UPSTREAM:, trailers, a squashed unmarked backport, a subject-only one, a
 * reverted backport, a backport that brings a bug in, vendor-only commits). Real ids cannot be reproduced, so it also
 * writes a vulns-shaped repository whose records name the generated commits: point `--vulns-repo` at it.
 *
 *   node dist/scripts/gen-tree.js --out DIR [--size small|100k|1m] [--branch 6.1] [--stable-up-to 130] [--vendor-base 110]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CveRecord } from '../src/domain/cve.js';
import { formatKernelVersion, type KernelVersion } from '../src/domain/kernel-version.js';
import { fakeSha, fillerMessage, makefile, message, placedFile, placedSubject } from './gen-tree/commit-text.js';
import { FastImport } from './gen-tree/fast-import.js';
import { type Placement, planMainlineReleases, planPlacements } from './gen-tree/plan-placements.js';
import { planScenarios, type ScenarioCase } from './gen-tree/plan-scenarios.js';
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

  // Phase 1: mainline.
  let fi = new FastImport(treeDir, join(gitDir, 'marks-1'), START);
  const markOf = new Map<string, string>();
  const releaseMark = new Map<string, string>();
  const perRelease = Math.max(0, Math.floor(o.mainlineFillers / Math.max(1, releases.length)));
  let filler = 0;
  let first = true;
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
        changes: [{ path: 'Makefile', content: makefileOf(v, 0) }],
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

  // Phase 2: the stable branch, and the vendor branch's backports.
  fi = new FastImport(treeDir, join(gitDir, 'marks-2'), fi.clock + 86_400);
  const stableRef = `refs/heads/linux-${o.branch}.y`;
  const branchV = releases.find((v) => formatKernelVersion(v) === o.branch) as KernelVersion;
  let from: string | undefined = branchRelease;
  const stableMarks = new Map<string, string>();
  const stableTagMark = new Map<number, string>();
  for (let n = 1; n <= o.stableUpTo; n++) {
    for (let i = 0; i < o.stableFillers; i++) {
      const up = fakeSha(`stable-${n}-${i}`);
      await fi.commit({
        ref: stableRef,
        from,
        message: message(
          `net: stable fix ${n}.${i}`,
          [`commit ${up} upstream.`, '', 'Backport of an unrelated fix.'],
          ['Signed-off-by: Greg Kroah-Hartman <gregkh@linuxfoundation.org>'],
        ),
      });
      from = undefined;
    }
    for (const p of stable.get(`${o.branch}.${n}`) ?? []) {
      const up = p.upstream ? placed.get(p.upstream) : undefined;
      const upSha = p.upstream ? shaMap.get(p.upstream) : undefined;
      const lines = upSha
        ? [`commit ${upSha} upstream.`, '', `Backport for ${p.record.id}.`]
        : [`Stable-only change for ${p.record.id}.`];
      const mark = await fi.commit({
        ref: stableRef,
        from,
        message: message(up ? placedSubject(up) : placedSubject(p), lines, [
          'Signed-off-by: Greg Kroah-Hartman <gregkh@linuxfoundation.org>',
        ]),
        changes: [up ? placedFile(up) : placedFile(p)],
      });
      from = undefined;
      stableMarks.set(p.sha, mark);
    }
    const mark = await fi.commit({
      ref: stableRef,
      from,
      message: `Linux ${o.branch}.${n}\n`,
      changes: [{ path: 'Makefile', content: makefileOf(branchV, n) }],
    });
    from = undefined;
    stableTagMark.set(n, mark);
    await fi.reset(`refs/tags/v${o.branch}.${n}`, mark);
  }
  const cases =
    o.vendorBase === null
      ? []
      : planScenarios(o.records, placed, { branch: o.branch, vendorBase: o.vendorBase, prefer: o.prefer ?? [] });
  const vendorRef = o.vendorBase === null ? null : 'refs/heads/vendor';
  const vendorMarks = new Map<ScenarioCase['case'], string>();
  if (vendorRef && o.vendorBase !== null) {
    let vfrom: string | undefined = stableTagMark.get(o.vendorBase) ?? branchRelease;
    const vcommit = async (msg: string, changes: { path: string; content: string }[]) => {
      const mark = await fi.commit({ ref: vendorRef, from: vfrom, message: msg, changes });
      vfrom = undefined;
      return mark;
    };
    const half = Math.ceil(o.vendorOnly / 2);
    for (let i = 0; i < half; i++)
      await vcommit(message(`ANDROID: vendor: board support part ${i}`, ['Vendor-only change.']), [
        { path: `drivers/vendor/board-${i}.c`, content: `int board_${i};\n` },
      ]);
    for (const c of cases) {
      if (c.case === 'intro-absent') continue;
      const p = placed.get(c.upstream) as Placement;
      const up = shaMap.get(c.upstream) as string;
      const file = placedFile(p);
      const subject = placedSubject(p);
      const gkh = ['Signed-off-by: Vendor Engineer <eng@vendor.example>'];
      const msg =
        c.case === 'stable-marker' || c.case === 'reverted' || c.case === 'intro-backport'
          ? message(subject, [`commit ${up} upstream.`, '', 'Backported ahead of stable.'], gkh)
          : c.case === 'cherry-pick'
            ? message(subject, ['Needed for the product.', '', `(cherry picked from commit ${up})`], gkh)
            : c.case === 'android'
              ? message(
                  `UPSTREAM: ${subject}`,
                  ['Bug: 123456789', '', `(cherry picked from commit ${up})`],
                  ['Change-Id: I0123456789abcdef', ...gkh],
                )
              : c.case === 'trailer'
                ? message(subject, ['Picked from upstream.'], [`Upstream-Commit: ${up}`, ...gkh])
                : c.case === 'squash' || c.case === 'intro-squash'
                  ? message('vendor: pull in pending fixes', ['Squashed from the vendor queue.'], gkh)
                  : message(subject, ['Adapted to the vendor tree.'], gkh);
      const changes = c.case === 'subject' ? [{ path: file.path, content: `${file.content}/* adapted */\n` }] : [file];
      vendorMarks.set(c.case, await vcommit(msg, changes));
    }
    const tipMark = await vcommit(message('vendor: update defconfig', ['Vendor-only change.']), [
      { path: 'arch/arm64/configs/vendor_defconfig', content: 'CONFIG_VENDOR=y\n' },
    ]);
    vendorMarks.set('intro-absent', tipMark);
  }
  commits += fi.commits;
  const marks2 = await fi.finish();
  for (const [sha, mark] of stableMarks) if (!shaMap.has(sha)) shaMap.set(sha, marks2.get(mark) as string);

  // Phase 3: the revert of a vendor backport (it names the backport's id), and the rest of the vendor-only commits.
  if (vendorRef) {
    fi = new FastImport(treeDir, join(gitDir, 'marks-3'), fi.clock + 86_400 * 30);
    let vfrom: string | undefined = marks2.get(vendorMarks.get('intro-absent') as string);
    const reverted = cases.find((c) => c.case === 'reverted');
    const backport = reverted ? marks2.get(vendorMarks.get('reverted') as string) : undefined;
    if (reverted && backport) {
      const p = placed.get(reverted.upstream) as Placement;
      await fi.commit({
        ref: vendorRef,
        from: vfrom,
        message: message(`Revert "${placedSubject(p)}"`, [
          `This reverts commit ${backport}.`,
          '',
          'Breaks the product; revert until it is sorted.',
        ]),
        changes: [{ path: placedFile(p).path, delete: true }],
      });
      vfrom = undefined;
    }
    for (let i = Math.ceil(o.vendorOnly / 2); i < o.vendorOnly; i++) {
      await fi.commit({
        ref: vendorRef,
        from: vfrom,
        message: message(`vendor: thermal tuning ${i}`, ['Vendor-only change.']),
        changes: [{ path: `drivers/vendor/thermal-${i}.c`, content: `int thermal_${i};\n` }],
      });
      vfrom = undefined;
    }
    commits += fi.commits;
    await fi.finish();
  }
  execFileSync('git', ['-C', treeDir, 'symbolic-ref', 'HEAD', vendorRef ?? stableRef]);

  const vulnsDir = join(o.outDir, 'vulns');
  await writeVulnsRepo(vulnsDir, o.records, (sha) => shaMap.get(sha) ?? sha, START + 86_400 * 7000);
  const result = { treeDir, vulnsDir, commits, stableRef, vendorRef, cases, shaMap };
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

export const SIZES = {
  small: { every: 25, mainlineFillers: 2_000, stableFillers: 5 },
  '100k': { every: 1, mainlineFillers: 80_000, stableFillers: 20 },
  '1m': { every: 1, mainlineFillers: 960_000, stableFillers: 40 },
} as const;

async function main(argv: readonly string[]): Promise<void> {
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
  };
  const size = arg('size', 'small') as keyof typeof SIZES;
  const preset = SIZES[size];
  if (!preset) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const { resolveDataOptions } = await import('../src/sources/data/data-options.js');
  const { readIndex } = await import('../src/sources/vulns/read-index.js');
  const { readReleases } = await import('../src/sources/releases/read-releases.js');
  const data = resolveDataOptions({}, process.env, (m) => process.stderr.write(`${m}\n`));
  const [index, releases] = await Promise.all([
    readIndex(data, { withCommits: true }),
    readReleases(data.releases, data.cacheDir),
  ]);
  const prefer = ['CVE-2025-21629', 'CVE-2022-48628'];
  const started = performance.now();
  const result = await generateTree({
    outDir: resolve(arg('out', '/tmp/kgap-gen-tree')),
    records: selectRecords(index.records, { every: preset.every, prefer }),
    releaseNames: [...releases.byName.keys()],
    branch: arg('branch', '6.1'),
    stableUpTo: Number(arg('stable-up-to', '130')),
    vendorBase: Number(arg('vendor-base', '110')),
    mainlineFillers: preset.mainlineFillers,
    stableFillers: preset.stableFillers,
    vendorOnly: 12,
    prefer,
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
