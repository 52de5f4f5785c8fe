/**
 * The status use-case: which published CVEs a kernel carries and how far behind its branch it is, for a version,
 * the running kernel or a product git tree; with a `.config`, split by whether the product builds the code.
 * Called by `kgap status` and by the server; never prints (warnings and notes are returned).
 */
import { applyRelevance } from '../../analysis/exposure/apply-relevance.js';
import { assessExposureOnBranch } from '../../analysis/exposure/assess-branch-exposure.js';
import { assessExposure, type ExposureReport, type Finding } from '../../analysis/exposure/assess-exposure.js';
import { type FailOn, isFailOnMet } from '../../analysis/exposure/fail-on.js';
import { planStatusView, type StatusView } from '../../analysis/exposure/plan-status-view.js';
import { detectRunningVersion, parseUpstreamVersion } from '../../domain/distro-version.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { branchOf, type KernelVersion } from '../../domain/kernel-version.js';
import type { ReleaseTable } from '../../domain/release.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { findRunningConfig, type SystemRoots } from '../../sources/system/find-running-config.js';
import { readRunningKernelFacts } from '../../sources/system/read-running-kernel.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import { readBranchReleases } from './read-branch-releases.js';
import { readBranchView } from './read-branch-view.js';
import type { StatusSession } from './status-session.js';

/** Which kernel: a version (distro strings such as `6.1.170-3` too), the running one, or a product tree. */
export type StatusTarget =
  | { readonly kind: 'version'; readonly version: string }
  | { readonly kind: 'running'; readonly roots: SystemRoots; readonly unameRelease: string }
  | { readonly kind: 'tree'; readonly path: string; readonly rev: string; readonly upstreamRef: string | null };

/** The product build, for relevance: its `.config`, the source tree it builds, the build's own record. */
export type BuildInputs = {
  /**
   * The `.config`; null: the build directory's own when `buildDir` is given, else (with a running target) the running
   * kernel's config, when the system has one.
   */
  readonly config: string | null;
  /** Kernel source (directory or tarball); null: none given (tree mode uses the tree). */
  readonly source: string | null;
  /** The build's compiled files, one a line (`--built-files`). */
  readonly builtFiles?: string | undefined;
  /** The directory (or a tarball of it) a real build ran in: Kbuild's record decides, headers included. */
  readonly buildDir?: string | undefined;
};

export type StatusInput = {
  readonly target: StatusTarget;
  readonly data: DataOptions;
  /** null: no relevance (for a running kernel the running config is still looked up). */
  readonly build: BuildInputs | null;
  readonly minCvss?: number | undefined;
  readonly limit?: number | undefined;
  readonly onlyBuilt?: boolean;
  readonly failOn?: FailOn | null;
  readonly tmpDir: string;
  /** Shares branch verdicts and release tables across many queries (a fleet scan); omit for one query. */
  readonly session?: StatusSession;
};

export type StatusOutcome = {
  readonly view: StatusView;
  /** True when `failOn` is given and met by the findings that passed the filters. */
  readonly thresholdMet: boolean;
  /** The product `.config` the findings were judged against (given, or the running kernel's); null: none. */
  readonly config: string | null;
  /** Informational lines (where the version came from, which config was used). */
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
};

/** Runs the status use-case. */
export async function runStatus(input: StatusInput): Promise<StatusOutcome> {
  if (input.onlyBuilt && input.build === null && input.target.kind !== 'running')
    throw new InvalidInput('onlyBuilt', 'needs the product config (config)');
  const notes: string[] = [];
  const warnings: string[] = [];
  let report: ExposureReport;
  let build = input.build;
  if (input.target.kind === 'tree') {
    const { readTreeExposure } = await import('./read-tree-exposure.js');
    const tree = await readTreeExposure({ ...input.target, data: input.data });
    if (tree.scan.shallow) warnings.push('shallow clone; ancestry is incomplete');
    report = tree.report;
    if (build && build.source === null) build = { ...build, source: input.target.path };
  } else {
    const { version, note } = await resolveVersion(input.target);
    if (note) notes.push(note);
    const releases = await readReleasesFor(input.data, version, input.target, input.session);
    const exposure = await readExposure(input.data, version, input.session);
    if (exposure.recordProblems)
      warnings.push(`${exposure.recordProblems} CVE records could not be read (kgap sync lists them)`);
    if (
      input.target.kind === 'running' &&
      (build === null || (build.config === null && build.buildDir === undefined))
    ) {
      const found = await findRunningConfig(input.target.roots, input.target.unameRelease);
      if (found) notes.push(`using the running kernel's config ${found}`);
      build = found ? { source: null, ...build, config: found } : null;
    }
    report = exposure.assess(releases);
  }
  if (build !== null && (build.config !== null || build.buildDir !== undefined)) {
    const { readRelevanceContext } = await import('../relevance/read-relevance-context.js');
    const context = await readRelevanceContext({
      ...build,
      cacheDir: input.data.cacheDir,
      tmpDir: input.tmpDir,
      progress: input.data.progress,
      session: input.session,
    });
    warnings.push(...context.warnings);
    report = applyRelevance(report, context.judge);
  } else if (input.onlyBuilt) {
    // Only a running target gets here without a config: none was found on the system.
    throw new InvalidInput('onlyBuilt', 'needs the product config (config); no config of the running kernel was found');
  }
  const extraFilters = input.onlyBuilt
    ? [{ label: 'only code the config builds', keep: (f: Finding) => f.relevance?.status === 'built' }]
    : [];
  const view = planStatusView(report, { minCvss: input.minCvss, limit: input.limit, extraFilters });
  const thresholdMet = input.failOn != null && isFailOnMet(input.failOn, view.matched);
  return { view, thresholdMet, config: build?.config ?? null, notes, warnings };
}

async function resolveVersion(
  target: Exclude<StatusTarget, { kind: 'tree' }>,
): Promise<{ version: KernelVersion; note: string | null }> {
  if (target.kind === 'version') {
    const r = parseUpstreamVersion(target.version);
    if (!r.ok) throw new InvalidInput('version', r.reason);
    return { version: r.version, note: r.source === 'exact' ? null : `read upstream version from ${r.source}` };
  }
  const r = detectRunningVersion(await readRunningKernelFacts(target.roots.procDir));
  if (!r.ok) throw new UserError(r.reason);
  return { version: r.version, note: `running kernel, upstream version from ${r.source}` };
}

/** The branch's releases, refusing a release of a branch the data does not know. */
async function readReleasesFor(
  data: DataOptions,
  version: KernelVersion,
  target: StatusTarget,
  session: StatusSession | undefined,
): Promise<ReleaseTable> {
  const branch = branchOf(version);
  const releases = await readBranchReleases(data, branch, session);
  if (version.rc === null && (releases.byBranch.get(branch) ?? []).length === 0) {
    const text = target.kind === 'version' ? target.version : branch;
    throw new InvalidInput(
      'version',
      `${text} is an unknown kernel version: the release data has no ${branch} release (newest data ${releases.newestDate ?? 'unknown'}); check the version, or give newer release data (releases)`,
    );
  }
  return releases;
}

/**
 * The exposure of a release comes from its branch's cached verdicts (fast: no per-record evaluation on a warm
 * cache); an rc, which sits between releases, is assessed over the whole index.
 */
async function readExposure(data: DataOptions, version: KernelVersion, session: StatusSession | undefined) {
  if (version.rc === null) {
    const view = await readBranchView(data, version, session);
    return {
      recordProblems: view.totals.recordProblems,
      assess: (releases: ReleaseTable) => assessExposureOnBranch(view, releases, version),
    };
  }
  const index = await readIndex(data);
  return {
    recordProblems: index.problems.length,
    assess: (releases: ReleaseTable) => assessExposure(index, releases, version),
  };
}
