import { hardeningChecks } from '../../analysis/hardening/checks/index.js';
import { normalizeArch } from '../../analysis/hardening/kernel-facts.js';
import { policyProblems } from '../../analysis/hardening/policy.js';
import type { Day } from '../../domain/day.js';
import { ARCHES, type Arch } from '../../domain/hardening-check.js';
import type { HardeningPolicy } from '../../domain/hardening-policy.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import { type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import { readHardeningPolicy } from '../../sources/hardening/read-hardening-policy.js';

/** What `runHarden` takes. Paths are read by the use-case; the clock and the machine's directories are passed in. */
export type HardenInput = {
  /** The kernel to check: config files (or directories of them), or the running machine (its `/proc`, `/boot`). */
  readonly kernel:
    | { readonly configs: readonly string[] }
    | { readonly running: { readonly procDir: string; readonly bootDir: string } };
  /** A saved `/proc/cmdline` of the product (the running machine's own is read otherwise). */
  readonly cmdline?: string;
  /** Saved `sysctl -a` output of the product. */
  readonly sysctl?: string;
  /** Overrides the architecture (`x86_64`, `arm64`, `arm`, `riscv`, or an alias such as `amd64`). */
  readonly arch?: string;
  /** Overrides the kernel version from the config header. */
  readonly kernelVersion?: string;
  /** A candidate config: report what it gains and loses against the one config checked. */
  readonly against?: string;
  /** A policy file (kgap-policy.json: profiles, sources, waivers, overrides). */
  readonly policy?: string;
  /** Release dates (a path or URL) and the cache they are kept in; null: no horizon for the upgrade gain. */
  readonly releases: { readonly location: string; readonly cacheDir: string } | null;
  /** Today, for waiver expiry. */
  readonly asOf: Day;
};

/** The `arch` and `kernelVersion` overrides, checked. */
export function parseOverrides(input: Pick<HardenInput, 'arch' | 'kernelVersion'>): {
  arch?: Arch;
  version?: KernelVersion;
} {
  const out: { arch?: Arch; version?: KernelVersion } = {};
  if (input.arch !== undefined) {
    const arch = normalizeArch(input.arch);
    if (!arch) throw new InvalidInput('arch', `takes one of ${ARCHES.join(', ')}, not ${JSON.stringify(input.arch)}`);
    out.arch = arch;
  }
  if (input.kernelVersion !== undefined) {
    const version = parseKernelVersion(input.kernelVersion);
    if (!version) {
      const problem = `takes a kernel version (e.g. 6.1 or 6.1.170), not ${JSON.stringify(input.kernelVersion)}`;
      throw new InvalidInput('kernelVersion', problem);
    }
    out.version = version;
  }
  return out;
}

/** Reads a policy file and checks the ids and rules it names against the checklist. */
export async function readCheckedPolicy(path: string): Promise<HardeningPolicy> {
  const policy = await readHardeningPolicy(path);
  const problems = policyProblems(policy, hardeningChecks);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new InvalidInput('policy', `${path}: ${problems[0]}${more}`);
  }
  return policy;
}
