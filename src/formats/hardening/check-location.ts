import type { CheckResult, HardeningReport } from '../../analysis/hardening/hardening-report.js';
import type { SarifSpot } from '../ci/sarif-log.js';

/**
 * The file and line that decide a check: a kconfig option's line in the config (null when the config does not
 * name it: then the option is absent, `n` to Kconfig), the cmdline or sysctl file the check read, else the config.
 */
export function checkSpot(report: HardeningReport, c: Pick<CheckResult, 'type' | 'option'>): SarifSpot {
  if (c.type === 'cmdline' && report.inputFiles?.cmdline) return { path: report.inputFiles.cmdline, line: 1 };
  if (c.type === 'sysctl' && report.inputFiles?.sysctl) return { path: report.inputFiles.sysctl, line: null };
  return { path: report.source, line: c.type === 'kconfig' ? (report.configLines?.[c.option] ?? null) : null };
}

/** One sentence: what the check found against what it wants. */
export function checkMessage(c: CheckResult): string {
  const found = c.actual !== null ? c.actual : c.type === 'kconfig' ? 'absent from the config' : 'not set';
  const where = c.type === 'kconfig' ? '' : ` (${c.type})`;
  return `${c.option}${where} is ${found}, want ${c.desired}${c.detail ? `: ${c.detail}` : ''}`;
}
