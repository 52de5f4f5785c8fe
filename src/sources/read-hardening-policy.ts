import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CHECK_TYPES, type HardeningCheck, PROFILES, SOURCES } from '../analysis/hardening/check.js';
import { type HardeningPolicy, policyProblems } from '../analysis/hardening/policy.js';
import { UserError } from '../domain/user-error.js';

/** A calendar date that exists (2026-02-30 does not). */
const isoDate = z.string().refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'expected a real date YYYY-MM-DD');

/** The policy file's schema (documented in docs/hardening.md). Unknown keys are errors: they are usually typos. */
export const hardeningPolicySchema = z
  .object({
    profiles: z.array(z.enum(PROFILES)).optional(),
    sources: z.array(z.enum(SOURCES)).optional(),
    types: z.array(z.enum(CHECK_TYPES)).optional(),
    exclude: z.array(z.string()).optional(),
    waivers: z
      .array(
        z.object({ check: z.string(), reason: z.string().min(1), owner: z.string().min(1), expires: isoDate }).strict(),
      )
      .optional(),
    overrides: z.array(z.object({ check: z.string(), expect: z.string() }).strict()).optional(),
  })
  .strict();

/** Validates policy JSON text against the schema and the checklist; every problem is a one-line UserError. */
export function parseHardeningPolicy(text: string, source: string, checks: readonly HardeningCheck[]): HardeningPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${source} is not JSON (${(error as Error).message})`);
  }
  const parsed = hardeningPolicySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`${source}: ${issue?.path.join('.') || 'top level'}: ${issue?.message}`);
  }
  const problems = policyProblems(parsed.data, checks);
  if (problems.length > 0)
    throw new UserError(`${source}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  return parsed.data;
}

/** Reads and validates a policy file. */
export async function readHardeningPolicy(path: string, checks: readonly HardeningCheck[]): Promise<HardeningPolicy> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read policy ${path} (${e.code ?? e.message})`);
  });
  return parseHardeningPolicy(text, path, checks);
}
