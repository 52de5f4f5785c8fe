/**
 * The limits kgap keeps on what its inputs may cost: bytes read, bytes decompressed, bytes extracted, nesting,
 * waiting. Inputs come from vendors and labs (docs/security.md): a limit turns an endless or bomb input into a
 * one-line refusal (exit 2) that names the limit and the variable that raises it, instead of a machine that runs out
 * of memory or disk. Every limit has a default and an environment variable; `resolveLimits` is pure (the
 * environment is passed in).
 */
import { UserError } from './user-error.js';

const MIB = 1024 * 1024;

/** One documented limit: its variable, default and what it bounds. */
export type LimitSpec = {
  readonly env: string;
  readonly default: number;
  readonly unit: 'bytes' | 'count' | 'seconds';
  readonly what: string;
};

/** Every limit, by the name the code uses. docs/security.md lists the same table (a test keeps them equal). */
export const LIMIT_SPECS = {
  inputBytes: {
    env: 'KGAP_MAX_INPUT_BYTES',
    default: 64 * MIB,
    unit: 'bytes',
    what: 'one input file (config, changelog, results file, policy, known issues, built-files list, cmdline, sysctl, release dates, ALL-FILES.txt), after decompression',
  },
  uploadBytes: {
    env: 'KGAP_MAX_UPLOAD_BYTES',
    default: 64 * MIB,
    unit: 'bytes',
    what: 'one request body sent to `kgap serve` (test results uploaded to `POST /api/v1/products/{name}/gates`)',
  },
  kernelImageBytes: {
    env: 'KGAP_MAX_KERNEL_IMAGE_BYTES',
    default: 512 * MIB,
    unit: 'bytes',
    what: 'a kernel image or module for `boot`, after decompression',
  },
  sourceBytes: {
    env: 'KGAP_MAX_SOURCE_BYTES',
    default: 3 * 1024 * MIB,
    unit: 'bytes',
    what: 'all files extracted from one `--source` tarball (a full 6.x tree is about 1.5 GB)',
  },
  sourceEntries: {
    env: 'KGAP_MAX_SOURCE_ENTRIES',
    default: 250_000,
    unit: 'count',
    what: 'members of one `--source` tarball (a full 6.x tree has about 90,000)',
  },
  kbuildFileBytes: {
    env: 'KGAP_MAX_KBUILD_FILE_BYTES',
    default: 2_000_000,
    unit: 'bytes',
    what: 'one Makefile/Kbuild file of a source tree (larger ones are skipped with a warning)',
  },
  recordBytes: {
    env: 'KGAP_MAX_RECORD_BYTES',
    default: 8 * MIB,
    unit: 'bytes',
    what: 'one file of a vulns record (larger ones are counted as unreadable records)',
  },
  gitOutputBytes: {
    env: 'KGAP_MAX_GIT_OUTPUT_BYTES',
    default: 256 * MIB,
    unit: 'bytes',
    what: 'the output of one git command kgap keeps in memory (and one line of a streamed git log)',
  },
  xmlDepth: {
    env: 'KGAP_MAX_XML_DEPTH',
    default: 256,
    unit: 'count',
    what: 'JUnit <testsuite> nesting that names test ids (deeper suites are reported as a problem, not followed)',
  },
  gitIdleSeconds: {
    env: 'KGAP_GIT_IDLE_SECONDS',
    default: 600,
    unit: 'seconds',
    what: 'how long one git process may go without output before it is stopped (a FIFO in an inspected .git makes git wait)',
  },
  lockWaitSeconds: {
    env: 'KGAP_LOCK_WAIT_SECONDS',
    default: 300,
    unit: 'seconds',
    what: 'how long a command waits for another kgap that holds the cache lock',
  },
  lockStaleSeconds: {
    env: 'KGAP_LOCK_STALE_SECONDS',
    default: 3600,
    unit: 'seconds',
    what: 'age after which a cache lock is taken over even if its PID is alive (PID reuse); longer than any sync',
  },
} as const satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMIT_SPECS;
export type Limits = { readonly [K in LimitName]: number };

/** The limits in force: the defaults, each overridable by its environment variable (a positive integer). */
export function resolveLimits(env: Readonly<Record<string, string | undefined>>): Limits {
  const out = {} as Record<LimitName, number>;
  for (const [name, spec] of Object.entries(LIMIT_SPECS) as [LimitName, LimitSpec][]) {
    const text = env[spec.env];
    if (text === undefined || text.trim() === '') {
      out[name] = spec.default;
      continue;
    }
    if (!/^\d{1,15}$/.test(text.trim()) || Number(text) < 1) {
      throw new UserError(
        `${spec.env}=${JSON.stringify(text).slice(0, 40)} is not a positive whole number of ${spec.unit}; unset it or give one (default ${spec.default})`,
      );
    }
    out[name] = Number(text);
  }
  return out;
}

/** How a limit reads in a refusal: `64 MiB (KGAP_MAX_INPUT_BYTES)`. */
export function describeLimit(name: LimitName, value: number): string {
  const spec: LimitSpec = LIMIT_SPECS[name];
  const amount =
    spec.unit === 'bytes'
      ? value % MIB === 0
        ? `${value / MIB} MiB`
        : `${value} bytes`
      : spec.unit === 'seconds'
        ? `${value} s`
        : String(value);
  return `${amount} (${spec.env})`;
}
