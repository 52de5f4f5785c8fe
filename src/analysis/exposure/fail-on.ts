import { SEVERITIES, type Severity } from '../../domain/cve.js';

/** `--fail-on`: a count of findings, or a severity at or above which any finding fails. */
export type FailOn =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'severity'; readonly min: Severity };

/** Parses `--fail-on` text; null when it is neither a positive count nor a severity name. */
export function parseFailOn(text: string): FailOn | null {
  const t = text.trim().toLowerCase();
  if (/^\d+$/.test(t) && Number(t) >= 1) return { kind: 'count', count: Number(t) };
  return (SEVERITIES as readonly string[]).includes(t) && t !== 'none'
    ? { kind: 'severity', min: t as Severity }
    : null;
}

/** Is the threshold met by these findings? */
export function isFailOnMet(rule: FailOn, findings: readonly { readonly severity: Severity | null }[]): boolean {
  if (rule.kind === 'count') return findings.length >= rule.count;
  const min = SEVERITIES.indexOf(rule.min);
  return findings.some((f) => f.severity !== null && SEVERITIES.indexOf(f.severity) >= min);
}
