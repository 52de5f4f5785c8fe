import { z } from 'zod';
import { dayProblem, isDay } from '../../domain/day.js';
import { CHECK_TYPES, PROFILES, SOURCES } from '../../domain/hardening-check.js';
import type { HardeningPolicy } from '../../domain/hardening-policy.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import { readBoundedText } from '../io/read-bounded.js';

/** A real calendar day (2026-02-30 is not one), refused with the message every command gives for a bad day. */
const day = z.string().refine(isDay, { error: (issue) => dayProblem(String(issue.input)) });

/** The policy file's schema (documented in docs/hardening.md). Unknown keys are errors: they are usually typos. */
export const hardeningPolicySchema = z
  .object({
    profiles: z.array(z.enum(PROFILES)).optional(),
    sources: z.array(z.enum(SOURCES)).optional(),
    types: z.array(z.enum(CHECK_TYPES)).optional(),
    exclude: z.array(z.string()).optional(),
    waivers: z
      .array(
        z.object({ check: z.string(), reason: z.string().min(1), owner: z.string().min(1), expires: day }).strict(),
      )
      .optional(),
    overrides: z.array(z.object({ check: z.string(), expect: z.string() }).strict()).optional(),
  })
  .strict();

/**
 * Validates policy JSON text against the schema; the first problem is an `InvalidInput` naming `field`. Whether the
 * check ids and rules it names exist is the checklist's question (`policyProblems` in analysis/hardening/policy.ts).
 */
export function parseHardeningPolicy(text: string, source: string, field = 'policy'): HardeningPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InvalidInput(field, `${source} is not JSON (${(error as Error).message})`);
  }
  const parsed = hardeningPolicySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInput(field, `${source}: ${issue?.path.join('.') || 'top level'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Reads and validates a policy file. */
export async function readHardeningPolicy(path: string, field = 'policy'): Promise<HardeningPolicy> {
  const text = await readBoundedText(path, { field }).catch((e: NodeJS.ErrnoException) => {
    if (e instanceof InvalidInput) throw e;
    throw new InvalidInput(field, `${path}: cannot read the file (${e.code ?? e.message})`);
  });
  return parseHardeningPolicy(text, path, field);
}
