/**
 * Renders a boot assessment as KTAP v1 (Documentation/dev-tools/ktap.rst): two top-level tests, `boot_host` and
 * `boot_guest`, each a subtest with one result per check, so `gate` matches `boot_host/no_kernel_panic` etc.
 * across baseline and candidate. Only check outcomes go in: timings vary run to run, and this text is compared.
 */

import { type CheckResult, isFailure } from '../../domain/boot-check.js';
import type { BootAssessment } from '../../domain/boot-run.js';

const INDENT = '    '; // KTAP nests subtests by four spaces, as KUnit prints them.

function resultLine(check: CheckResult, n: number): string {
  const head = `${isFailure(check.status) ? 'not ok' : 'ok'} ${n} ${check.id}`;
  if (check.status === 'skip') return `${head} # SKIP${check.detail ? ` ${check.detail}` : ''}`;
  if (check.status === 'timeout') return `${head} # TIMEOUT${check.detail ? ` ${check.detail}` : ''}`;
  return check.status === 'fail' && check.detail ? `${head} # ${check.detail}` : head;
}

function subtest(name: string, checks: readonly CheckResult[], n: number): string[] {
  const failed = checks.some((c) => isFailure(c.status));
  return [
    `${INDENT}KTAP version 1`,
    `${INDENT}# Subtest: ${name}`,
    `${INDENT}1..${checks.length}`,
    ...checks.map((c, i) => INDENT + resultLine(c, i + 1)),
    `${failed ? 'not ok' : 'ok'} ${n} ${name}`,
  ];
}

/** The KTAP document for one boot; `release` goes in a diagnostic line (it names what was booted). */
export function renderBootKtap(assessment: BootAssessment, options: { readonly release: string | null }): string {
  return [
    'KTAP version 1',
    `# kgap boot: ${options.release ?? 'unknown release'}`,
    '1..2',
    ...subtest('boot_host', assessment.host, 1),
    ...subtest('boot_guest', assessment.guest, 2),
    '',
  ].join('\n');
}
