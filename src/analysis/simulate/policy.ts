/** Update policies the simulator replays: a typed table, so a new policy is one entry here and one in run-policy.ts. */
export const POLICY_KINDS = ['frozen', 'track-stable', 'upgrade-every', 'cherry-pick-cves'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export type Policy = { readonly kind: PolicyKind; readonly days: number | null };

/** How each policy is written and what it does (the `--policy` help and the error for a bad one list these). */
export const POLICY_FORMS: Readonly<Record<PolicyKind, { form: string; takesDays: boolean; minDays: number }>> = {
  frozen: { form: 'frozen', takesDays: false, minDays: 0 },
  'track-stable': { form: 'track-stable:Nd', takesDays: true, minDays: 0 },
  'upgrade-every': { form: 'upgrade-every:Nd', takesDays: true, minDays: 1 },
  'cherry-pick-cves': { form: 'cherry-pick-cves:Nd', takesDays: true, minDays: 0 },
};

/** The valid spellings, for error messages. */
export function policyForms(): string {
  return POLICY_KINDS.map((k) => POLICY_FORMS[k].form).join(', ');
}

/** Canonical text: `frozen`, `track-stable:14d`. */
export function formatPolicy(p: Policy): string {
  return p.days === null ? p.kind : `${p.kind}:${p.days}d`;
}

/** Parses `frozen`, `track-stable:14d`, `upgrade-every:90` (days; the `d` is optional). */
export function parsePolicy(text: string): { ok: true; policy: Policy } | { ok: false; reason: string } {
  const m = /^([a-z-]+)(?::(\d+)d?)?$/.exec(text.trim());
  const kind = POLICY_KINDS.find((k) => k === m?.[1]);
  const bad = (why: string) => ({ ok: false as const, reason: `${why}; valid forms: ${policyForms()} (N days)` });
  if (!m || kind === undefined) return bad(`unknown policy "${text}"`);
  const spec = POLICY_FORMS[kind];
  if (!spec.takesDays)
    return m[2] === undefined ? { ok: true, policy: { kind, days: null } } : bad(`${kind} takes no days`);
  if (m[2] === undefined) return bad(`${kind} needs a number of days, e.g. ${kind}:30d`);
  const days = Number(m[2]);
  if (days < spec.minDays || days > 3650) return bad(`${kind} takes ${spec.minDays} to 3650 days, not ${days}`);
  return { ok: true, policy: { kind, days } };
}
