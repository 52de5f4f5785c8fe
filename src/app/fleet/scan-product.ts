import type { ExposureReport } from '../../analysis/exposure/assess-exposure.js';
import { AFFECTEDNESS_RULES_VERSION } from '../../analysis/exposure/assess-version.js';
import { assessVulnerabilityDays } from '../../analysis/fleet/assess-vulnerability-days.js';
import type { ScanFacts } from '../../analysis/fleet/plan-scan-events.js';
import { utcDay } from '../../domain/day.js';
import { parseUpstreamVersion } from '../../domain/distro-version.js';
import type { Product } from '../../domain/fleet-product.js';
import { findingVerdictOf, type ScanHardening, type ScanSnapshot, type ScanSummary } from '../../domain/fleet-scan.js';
import type { NewScan } from '../../domain/fleet-store.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { runHarden } from '../harden/run-harden.js';
import { readBranchReleases } from '../status/read-branch-releases.js';
import { type BuildInputs, runStatus, type StatusTarget } from '../status/run-status.js';
import { memoized, type StatusSession } from '../status/status-session.js';

/** What a scan needs besides the product. */
export type ScanContext = {
  readonly data: DataOptions;
  readonly tmpDir: string;
  readonly session: StatusSession;
  /** Today, for hardening waivers' expiry. */
  readonly asOf: string;
  /** Keep each finding's facts for notifications (only when the fleet has webhooks: 1,000 products' findings
   * are millions of objects). */
  readonly withFacts: boolean;
};

/** A product's scan, ready to record (the deliveries are planned by the caller). */
export type ProductScan = {
  readonly scan: Omit<NewScan, 'deliveries' | 'jobId' | 'scannedAt'>;
  /** The branch whose shared verdicts the scan points at (version products), or null. */
  readonly branch: { readonly name: string; readonly version: string } | null;
  readonly facts: ScanFacts;
};

function targetOf(product: Product): StatusTarget {
  const k = product.kernel;
  return k.kind === 'tree'
    ? { kind: 'tree', path: k.path, rev: k.rev, upstreamRef: null }
    : { kind: 'version', version: k.version };
}

/** The product's build for relevance: its config (a build directory's own `.config` by default). */
export function buildOf(product: Product): BuildInputs | null {
  if (product.config === null && product.buildDir === null) return null;
  // A build directory is Kbuild's own record of the build (its .cmd files): it decides, and its .config is the
  // default config.
  return { config: product.config, source: product.source, buildDir: product.buildDir ?? undefined };
}

async function hardeningOf(product: Product, config: string, ctx: ScanContext) {
  const result = await runHarden({
    kernel: { configs: [config] },
    ...(product.arch === null ? {} : { arch: product.arch }),
    releases: { location: ctx.data.releases, cacheDir: ctx.data.cacheDir },
    asOf: ctx.asOf,
  });
  if (result.kind !== 'reports' || result.reports[0] === undefined) return { hardening: null, warnings: [] };
  const report = result.reports[0];
  const total = report.scores.find((s) => s.group === 'total');
  const hardening: ScanHardening = {
    score: total?.score ?? null,
    ok: total?.ok ?? 0,
    fail: total?.fail ?? 0,
    notApplicable: total?.notApplicable ?? 0,
    unknown: total?.unknown ?? 0,
    upgradeGain: report.upgradeGain.length,
  };
  return { hardening, warnings: result.warnings };
}

async function summaryOf(report: ExposureReport, ctx: ScanContext): Promise<ScanSummary> {
  const releases = await readBranchReleases(ctx.data, report.branch, ctx.session);
  const fixDate = (name: string) => releases.byName.get(name)?.date ?? null;
  const s = report.summary;
  return {
    version: report.version,
    branch: report.branch,
    versionDate: report.versionDate,
    branchLatest: report.branchLatest?.version ?? null,
    branchLatestDate: report.branchLatest?.date ?? null,
    releasesBehind: report.releasesBehind,
    daysBehind: report.daysBehind,
    affected: s.affected,
    fixedByNewerRelease: s.fixedByNewerRelease,
    fixedByLatest: s.fixedByLatest,
    noFixOnBranch: s.noFixOnBranch,
    ambiguous: s.ambiguous,
    bySeverity: s.bySeverity,
    relevance: s.relevance ?? null,
    vulnerabilityDays: assessVulnerabilityDays(report.affected, fixDate, utcDay(report.snapshot.vulnsCommitDate)),
  };
}

/**
 * Scans one product. A product known only by its version is judged the same as every other product on that
 * version: within a session that scan is made once and shared (products on a branch share its verdicts; those
 * on the same release share the whole report). Bad inputs (a config that went away) are `UserError`s.
 */
export async function scanProduct(product: Product, ctx: ScanContext): Promise<ProductScan> {
  if (product.kernel.kind !== 'version' || buildOf(product) !== null) return scanOne(product, ctx);
  const key = `version-scan:${product.kernel.version}:${ctx.withFacts}`;
  const shared = await memoized(ctx.session, key, () => scanOne(product, ctx));
  return { ...shared, scan: { ...shared.scan, productId: product.id } };
}

async function scanOne(product: Product, ctx: ScanContext): Promise<ProductScan> {
  const build = buildOf(product);
  const outcome = await runStatus({
    target: targetOf(product),
    data: ctx.data,
    build,
    tmpDir: ctx.tmpDir,
    session: ctx.session,
  });
  const report = outcome.view.report;
  const warnings = [...outcome.warnings];
  const harden = build?.config ? await hardeningOf(product, build.config, ctx) : { hardening: null, warnings: [] };
  warnings.push(...harden.warnings);
  const snapshot: ScanSnapshot = { ...report.snapshot, rules: AFFECTEDNESS_RULES_VERSION };
  // A release's findings are its branch's verdicts (stored once per branch); a tree's or an rc's are its own.
  const parsed = product.kernel.kind === 'version' ? parseUpstreamVersion(product.kernel.version) : null;
  const onBranch = parsed?.ok === true && parsed.version.rc === null && report.tree === undefined;
  const verdicts: NewScan['verdicts'] =
    onBranch && parsed?.ok
      ? { kind: 'branch', branch: report.branch, sublevel: parsed.version.sublevel }
      : {
          kind: 'own',
          records: report.affected,
          findings: report.affected.map((f) => ({ id: f.id, ...findingVerdictOf(f), evidence: f.evidence ?? null })),
        };
  const relevance =
    report.summary.relevance === undefined
      ? null
      : report.affected.flatMap((f) =>
          f.relevance ? [{ id: f.id, status: f.relevance.status, reason: f.relevance.reason }] : [],
        );
  return {
    scan: {
      productId: product.id,
      snapshot,
      summary: await summaryOf(report, ctx),
      hardening: harden.hardening,
      warnings,
      verdicts,
      relevance,
    },
    branch: onBranch ? { name: report.branch, version: report.version } : null,
    facts: {
      findings: (ctx.withFacts ? report.affected : []).map(({ id, cvss, severity, title, relevance }) => ({
        id,
        cvss,
        severity,
        title,
        relevance: relevance?.status ?? null,
      })),
      branchLatest: report.branchLatest?.version ?? null,
      branchLatestDate: report.branchLatest?.date ?? null,
      releasesBehind: report.releasesBehind,
    },
  };
}
