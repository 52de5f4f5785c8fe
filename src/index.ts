/** kgap's library API: the CLI (and any server) call these. */

export { assessBoot, type QemuEnding } from './analysis/boot/assess-boot.js';
export { CONSOLE_SIGNALS, type ConsoleSignal } from './analysis/boot/console-signals.js';
export { type GuestCheck, type GuestPlan, planGuestChecks } from './analysis/boot/guest-checks.js';
export { renderInitScript } from './analysis/boot/init-script.js';
export { renderBootKtap } from './analysis/boot/render-boot-ktap.js';
// Update evidence (kgap diff, kgap simulate): what an update changes, and update policies replayed day by day.
export { assessDiff, checkDiffPair, type DiffCve, type DiffReport } from './analysis/diff/assess-diff.js';
export {
  type CommitCves,
  MATCH_EVIDENCE,
  type MatchEvidence,
  matchCommitCves,
} from './analysis/diff/match-commit-cves.js';
export {
  STABLE_SOURCE_KINDS,
  type StableCommit,
  type StableCommitRange,
  type StableSourceKind,
} from './analysis/diff/stable-commit.js';
export { type StableCommitSummary, summarizeStableCommits } from './analysis/diff/summarize-stable-commits.js';
// Foundation (kgap sync, status, cve): the vulns index, release dates, and branch-aware affectedness.
export { applyRelevance } from './analysis/exposure/apply-relevance.js';
export { assessExposureOnBranch, type BranchView } from './analysis/exposure/assess-branch-exposure.js';
export { assessExposure, type ExposureReport, type Finding, findingOf } from './analysis/exposure/assess-exposure.js';
export {
  assessVersion,
  VERDICT_RULES,
  type VerdictRule,
  type VersionVerdict,
} from './analysis/exposure/assess-version.js';
export { type FailOn, isFailOnMet, parseFailOn } from './analysis/exposure/fail-on.js';
export {
  type BranchEntry,
  planBranchVerdicts,
  spanAt,
  type VerdictSpan,
} from './analysis/exposure/plan-branch-verdicts.js';
export { type CveDetail, planCveDetail } from './analysis/exposure/plan-cve-detail.js';
export { planStatusView } from './analysis/exposure/plan-status-view.js';
export { assessAffectedOnBranch } from './analysis/exposure-curve/affected-on-branch.js';
export {
  AGE_LIMITS_DAYS,
  assessExposureCurve,
  type CurvePoint,
  type ExposureCurveReport,
} from './analysis/exposure-curve/assess-exposure-curve.js';
export { MAINTAINED_WITHIN_DAYS, type NeverBackported } from './analysis/exposure-curve/assess-never-backported.js';
// Update gate (kgap gate): results parsing, crash signatures, the decision and its renderers.
export { assessGate, type GateOptions } from './analysis/gate/assess-gate.js';
// Hardening posture (kgap harden): the checklist (data), its evaluation, policy, diff and renderers.
export { type AssessOptions, assessHardening } from './analysis/hardening/assess-hardening.js';
export { hardeningChecks } from './analysis/hardening/checks/index.js';
export { type CheckChange, compareHardening, type HardeningDiff } from './analysis/hardening/compare-hardening.js';
export type { HardeningInputs } from './analysis/hardening/evaluate-condition.js';
export {
  type CheckResult as HardeningCheckResult,
  type CheckStatus as HardeningCheckStatus,
  type HardeningReport,
  STATUSES as HARDENING_STATUSES,
  type UpgradeGain,
} from './analysis/hardening/hardening-report.js';
export { type KernelFacts, kernelFactsOf, upstreamVersionOf } from './analysis/hardening/kernel-facts.js';
export { policyProblems, selectChecks, waiversOf } from './analysis/hardening/policy.js';
export { buildReleaseIndex, type ReleaseIndex, releaseIndexOf } from './analysis/hardening/release-index.js';
export { parseRuleText, renderRuleText } from './analysis/hardening/rule-text.js';
// Analytics (kgap lag, kgap exposure): fix-to-publication lag, exposure curve, and the shared chart/HTML renderers.
export { assessCveLag, type CveLag, type FixRelease, planFixLookup } from './analysis/lag/assess-cve-lag.js';
export {
  assessLag,
  type BranchLagStats,
  type LagOptions,
  type LagReport,
  type YearLagStats,
} from './analysis/lag/assess-lag.js';
export { type LagStats, summarizeLags } from './analysis/lag/lag-stats.js';
// Relevance (kgap relevance, and per finding in kgap status): does the .config build the files a CVE's fix touched?
export {
  assessRelevance,
  builtObjectSet,
  kbuildEvaluationFor,
  RELEVANCE_STATUSES,
  type Relevance,
  type RelevanceStatus,
} from './analysis/relevance/assess-relevance.js';
export { FILE_STATUSES, type FileRelevance, type FileStatus } from './analysis/relevance/classify-file.js';
export type { KbuildEvaluation } from './analysis/relevance/evaluate-kbuild.js';
export type { KbuildModel } from './analysis/relevance/kbuild-model.js';
export { kbuildWarnings } from './analysis/relevance/kbuild-warnings.js';
export { type BuiltFilesMatch, matchBuiltFiles } from './analysis/relevance/match-built-files.js';
export { assessSimulation, type PolicyOutcome, type SimulationReport } from './analysis/simulate/assess-simulation.js';
export { assessBranchExposure, type BranchExposure, type ExposureEntry } from './analysis/simulate/branch-exposure.js';
export { type DataSpan, planSimulation, type SimulationPlan } from './analysis/simulate/plan-simulation.js';
export {
  formatPolicy,
  POLICY_FORMS,
  POLICY_KINDS,
  type Policy,
  type PolicyKind,
  parsePolicy,
} from './analysis/simulate/policy.js';
// Tree mode (kgap status --tree): a product kernel's git tree, backport-aware verdicts with evidence.
export { assessTree, treeBaseVersion } from './analysis/tree/assess-tree.js';
export { assessTreeCve } from './analysis/tree/assess-tree-cve.js';
export {
  CONFIDENCES,
  type Confidence,
  EVIDENCE_KINDS,
  type Evidence,
  type EvidenceKind,
  TREE_VERDICTS,
  type TreeVerdict,
  type TreeVerdictKind,
} from './analysis/tree/tree-evidence.js';
export type { CarriedFix, TreeFacts, TreeFindingEvidence } from './analysis/tree/tree-facts.js';
export { planTreeLookup, type TreeLookup } from './analysis/tree/tree-lookup.js';
export type { Backport, BackportMatch, TreeScan } from './analysis/tree/tree-scan.js';
// Boot smoke test (kgap boot): QEMU + a generated busybox initramfs, judged from the console, reported as KTAP.
export { type BootInput, type BootSide, requireTimeoutSeconds } from './app/boot/boot-input.js';
export { runBoot } from './app/boot/run-boot.js';
export { type BootPair, type BootPairInput, runBootPair } from './app/boot/run-boot-pair.js';
export { type GateInput, runGate } from './app/gate/run-gate.js';
export { type GateKernelsInput, type GateKernelsReport, runGateKernels } from './app/gate/run-gate-kernels.js';
export { type HardenInput, type HardenReport, runHarden } from './app/harden/run-harden.js';
export { CHECK_STATUSES, type CheckResult, type CheckStatus } from './domain/boot-check.js';
export type { BootAssessment, BootRun } from './domain/boot-run.js';
export { CRASH_KINDS, type Crash, type CrashKind } from './domain/crash.js';
export * from './domain/cve.js';
export * from './domain/distro-version.js';
export {
  DEFAULT_GATE_POLICY,
  type GateAssessment,
  type GatePolicy,
  type Verdict as GateVerdict,
} from './domain/gate-assessment.js';
export type { GateEvidence } from './domain/gate-evidence.js';
export type { GateView } from './domain/gate-view.js';
export {
  ARCHES as HARDENING_ARCHES,
  type Arch as HardeningArch,
  CHECK_TYPES as HARDENING_CHECK_TYPES,
  type CheckType as HardeningCheckType,
  type HardeningCheck,
  PROFILES as HARDENING_PROFILES,
  REASONS as HARDENING_REASONS,
  SOURCES as HARDENING_SOURCES,
} from './domain/hardening-check.js';
export type { HardeningPolicy, Waiver } from './domain/hardening-policy.js';
export * from './domain/kernel-config.js';
export * from './domain/kernel-version.js';
export type { KnownIssue } from './domain/known-issue.js';
export * from './domain/release.js';
export {
  RESULT_FORMATS,
  type ResultFormat,
  type ResultRun,
  TEST_STATUSES,
  type TestResult,
  type TestStatus,
} from './domain/test-result.js';
export { UserError } from './domain/user-error.js';
export * from './domain/vulns-index.js';
export { BOOT_FORMATS, type BootFormat, bootFormats } from './formats/boot/render-boot-run.js';
export { binValues, type HistogramBin, renderHistogramSvg } from './formats/chart/render-histogram-svg.js';
export { type LineSeries, renderLineChartSvg } from './formats/chart/render-line-chart-svg.js';
export { renderMarkdownChart, svgDataUri } from './formats/chart/svg-data-uri.js';
export { DIFF_FORMATS, type DiffFormat, diffFormats } from './formats/diff/index.js';
export {
  EXPOSURE_CURVE_FORMATS,
  type ExposureCurveFormat,
  exposureCurveFormats,
} from './formats/exposure-curve/index.js';
export { GATE_FORMATS, type GateFormat, gateFormats } from './formats/gate/index.js';
export { HARDENING_FORMATS, type HardeningFormat, hardeningFormats } from './formats/hardening/index.js';
export { escapeHtml, html, type SafeHtml } from './formats/html/html.js';
export { type HtmlSection, renderHtmlPage } from './formats/html/render-html-page.js';
export { LAG_FORMATS, type LagFormat, lagFormats } from './formats/lag/index.js';
export type { RelevanceReport } from './formats/relevance/relevance-report.js';
export { RELEVANCE_FORMATS, type RelevanceFormat, relevanceFormats } from './formats/relevance/render-relevance.js';
export { SIMULATE_FORMATS, type SimulateFormat, simulateFormats } from './formats/simulate/index.js';
export { STATUS_FORMATS, type StatusFormat, type StatusView, statusFormats } from './formats/status/index.js';
export { type KernelImage, parseKernelImage } from './sources/boot/kernel-image.js';
export { type CpioEntry, renderNewcCpio } from './sources/boot/newc-cpio.js';
export { BOOT_RESULT_FILES, writeBootResults } from './sources/boot/write-boot-results.js';
export {
  type DebianChangelog,
  parseDebianChangelog,
  type StableUpdate,
} from './sources/changelog/parse-debian-changelog.js';
export { planChangelogRange } from './sources/changelog/plan-changelog-range.js';
export { readChangelog } from './sources/changelog/read-changelog.js';
export { readStableCommits, type StableCommitSource } from './sources/changelog/read-stable-commits.js';
export { readStableTreeRange } from './sources/changelog/read-stable-tree.js';
export { resolveCacheDir } from './sources/data/cache-dir.js';
export {
  type DataOptions,
  resolveDataOptions,
  UPSTREAM_RELEASES,
  UPSTREAM_VULNS_REPO,
} from './sources/data/data-options.js';
export { parseCmdline, parseSysctl } from './sources/hardening/parse-runtime.js';
export { parseHardeningPolicy, readHardeningPolicy } from './sources/hardening/read-hardening-policy.js';
export { readBuiltFiles } from './sources/kbuild/read-built-files.js';
export { type ReadKbuildOptions, readKbuildModel } from './sources/kbuild/read-kbuild-model.js';
export { decodeKernelConfig, readKernelConfig } from './sources/read-kernel-config.js';
export { parseReleases } from './sources/releases/parse-releases.js';
export { readReleases } from './sources/releases/read-releases.js';
export { parseCrashes } from './sources/results/parse-crashes.js';
export { parseKnownIssues } from './sources/results/parse-known-issues.js';
export { readGateSide, readKnownIssues } from './sources/results/read-gate-inputs.js';
export { type ResultsDir, readResultsDir } from './sources/results/read-results-dir.js';
export { detectResultFormat, parseResults, resultParsers } from './sources/results/result-formats.js';
export { readRunningKernelFacts } from './sources/system/read-running-kernel.js';
export { readTreeExposure, type TreeExposure } from './sources/tree/read-tree-exposure.js';
export { readTreeScan, type TreeScanOptions } from './sources/tree/read-tree-scan.js';
export { readBranchView } from './sources/vulns/read-branch-view.js';
export { readIndex } from './sources/vulns/read-index.js';
export { compareCveIds, type SyncReport, syncIndex } from './sources/vulns/sync-index.js';
