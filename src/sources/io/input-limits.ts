import { type LimitName, type Limits, resolveLimits } from '../../domain/limits.js';

let cached: { readonly env: string; readonly limits: Limits } | null = null;

/**
 * The limits in force for this process (docs/security.md): defaults, overridden by `KGAP_MAX_*` variables. Read
 * from the environment on each call that finds it changed, so a test or a library caller can set one and see it.
 */
export function inputLimits(): Limits {
  const key = Object.keys(process.env)
    .filter((k) => k.startsWith('KGAP_MAX_') || k.startsWith('KGAP_LOCK_'))
    .sort()
    .map((k) => `${k}=${process.env[k]}`)
    .join('\n');
  if (cached === null || cached.env !== key) cached = { env: key, limits: resolveLimits(process.env) };
  return cached.limits;
}

/** One limit's value in force. */
export function limitOf(name: LimitName): number {
  return inputLimits()[name];
}
