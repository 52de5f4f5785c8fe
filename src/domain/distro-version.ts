import { type KernelVersion, parseKernelVersion } from './kernel-version.js';

/** Where an upstream version was found, or why it could not be. */
export type UpstreamVersionResult =
  | { readonly ok: true; readonly version: KernelVersion; readonly source: string }
  | { readonly ok: false; readonly reason: string };

// Debian and Ubuntu ABI names such as 6.1.0-47-amd64 or 5.15.0-91-generic keep the sublevel at 0: the real
// stable update is elsewhere (/proc/version, /proc/version_signature), so X.Y.0-N-flavour is never trusted.
const ABI_RE = /^(\d+\.\d+)\.0-\d+/;
const PREFIX_RE = /^v?(\d{1,6}\.\d{1,6}(?:\.\d{1,6})?(?:\.\d{1,6})?(?:-rc\d{1,6})?)(?:[-+~_]([\x21-\x7e]*))?$/;

/**
 * Reads an upstream version from a user or distro string: `6.1.170`, `6.1.170-3` (Debian package),
 * `6.5.6-300.fc39.x86_64`. Rejects ABI names whose sublevel is not the upstream one.
 */
export function parseUpstreamVersion(text: string): UpstreamVersionResult {
  const t = text.trim();
  const exact = parseKernelVersion(t);
  if (exact) return { ok: true, version: exact, source: 'exact' };
  if (ABI_RE.test(t)) {
    return {
      ok: false,
      reason: `"${t}" looks like a distribution ABI name (X.Y.0-N), not an upstream version; pass the upstream version, e.g. from /proc/version`,
    };
  }
  const m = PREFIX_RE.exec(t);
  const base = m?.[1] ? parseKernelVersion(m[1]) : null;
  if (!m || !base)
    return { ok: false, reason: `"${t}" is not a kernel version (expected e.g. 6.1.170, 6.13, 6.13-rc3, 2.6.32.70)` };
  return { ok: true, version: base, source: `distro string "${t}"` };
}

/** Inputs read from a running system, passed in so detection stays pure. */
export type RunningKernelFacts = {
  readonly procVersion?: string;
  readonly versionSignature?: string;
  readonly unameRelease?: string;
};

/** Finds the upstream version of the running kernel from /proc/version and friends. */
export function detectRunningVersion(facts: RunningKernelFacts): UpstreamVersionResult {
  // Ubuntu: "Ubuntu 5.15.0-91.101-generic 5.15.131" -- the last field is the upstream version.
  const sig = facts.versionSignature?.trim().split(/\s+/).at(-1);
  if (sig) {
    const v = parseKernelVersion(sig);
    if (v) return { ok: true, version: v, source: '/proc/version_signature' };
  }
  // Debian: "... (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.170-3 (2026-03-01)": the
  // compiler's version also follows "Debian", so take the one after the build number "#N".
  const afterBuild = facts.procVersion
    ?.split(/ #\d+ /)
    .slice(1)
    .join(' ');
  const deb = afterBuild ? /\bDebian (\d+\.\d+(?:\.\d+)?)(?:[-+~]\S*)?/.exec(afterBuild) : null;
  if (deb?.[1]) {
    const v = parseKernelVersion(deb[1]);
    if (v) return { ok: true, version: v, source: '/proc/version (Debian package version)' };
  }
  const release =
    facts.unameRelease ?? (facts.procVersion ? /^Linux version (\S+)/.exec(facts.procVersion)?.[1] : undefined);
  if (release) {
    const r = parseUpstreamVersion(release);
    if (r.ok) return { ok: true, version: r.version, source: `kernel release "${release}"` };
    return { ok: false, reason: `${r.reason}; run with --version X.Y.Z` };
  }
  return {
    ok: false,
    reason: 'cannot read the running kernel version (/proc/version missing); run with --version X.Y.Z',
  };
}
