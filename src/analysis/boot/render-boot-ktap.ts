/**
 * Renders a boot assessment as KTAP v1 (Documentation/dev-tools/ktap.rst): top-level tests `boot_host` and
 * `boot_guest`, each a subtest with one result per check, so `gate` matches `boot_host/no_kernel_panic` etc.
 * across baseline and candidate; with `--run`, a third, `boot_run`, holds the product's command and, nested
 * under it, the results its output held (ids `boot_run/<name>/<test id>`). Only outcomes go in: timings vary run
 * to run, and this text is compared.
 */

import { type CheckResult, isFailure } from '../../domain/boot-check.js';
import type { BootAssessment, BootRunCommand } from '../../domain/boot-run.js';
import type { TestResult } from '../../domain/test-result.js';

const INDENT = '    '; // KTAP nests subtests by four spaces, as KUnit prints them.

function resultLine(check: CheckResult, n: number): string {
  const head = `${isFailure(check.status) ? 'not ok' : 'ok'} ${n} ${check.id}`;
  if (check.status === 'skip') return `${head} # SKIP${check.detail ? ` ${check.detail}` : ''}`;
  if (check.status === 'timeout') return `${head} # TIMEOUT${check.detail ? ` ${check.detail}` : ''}`;
  return check.status === 'fail' && check.detail ? `${head} # ${check.detail}` : head;
}

/** One line of text, with `#` escaped as `\#` (KTAP reads a bare `#` as the start of a directive). */
function ktapText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\x00-\x1f\x7f]/g, '?')
    .replace(/#/g, '\\#');
}

// The directive that gives each status back when the gate reads the line (docs/gate.md, KTAP directives).
const DIRECTIVE: Readonly<Record<TestResult['status'], { ok: boolean; directive: string }>> = {
  pass: { ok: true, directive: '' },
  skip: { ok: true, directive: 'SKIP' },
  xfail: { ok: true, directive: 'XFAIL' },
  fail: { ok: false, directive: '' },
  timeout: { ok: false, directive: 'TIMEOUT' },
  error: { ok: false, directive: 'ERROR' },
  warn: { ok: false, directive: '' },
};

/** A product's result as one KTAP line; its id (`suite/test`) is the line's name, so the gate reads the same id. */
function testLine(test: TestResult, n: number): string {
  const { ok, directive } = DIRECTIVE[test.status];
  const detail = test.detail === undefined ? '' : ktapText(test.detail).slice(0, 200);
  const why = test.status === 'warn' ? `warn${detail ? `: ${detail}` : ''}` : detail;
  const tail = directive !== '' ? ` # ${directive}${why ? ` ${why}` : ''}` : why ? ` # ${why}` : '';
  return `${ok ? 'ok' : 'not ok'} ${n} ${ktapText(test.id)}${tail}`;
}

function subtest(name: string, body: readonly string[], plan: number, failed: boolean, n: number): string[] {
  return [
    `${INDENT}KTAP version 1`,
    `${INDENT}# Subtest: ${name}`,
    `${INDENT}1..${plan}`,
    ...body.map((l) => INDENT + l),
    `${failed ? 'not ok' : 'ok'} ${n} ${name}`,
  ];
}

function checks(name: string, list: readonly CheckResult[], n: number): string[] {
  const lines = list.map((c, i) => resultLine(c, i + 1));
  return subtest(
    name,
    lines,
    list.length,
    list.some((c) => isFailure(c.status)),
    n,
  );
}

/** `boot_run`: one subtest, the command, whose own subtest lists its output's results flat by id. */
function runTests(run: BootRunCommand, failed: boolean, n: number): string[] {
  const inner =
    run.tests.length === 0
      ? []
      : subtest(
          run.name,
          run.tests.map((t, i) => testLine(t, i + 1)),
          run.tests.length,
          isFailure(run.result.status),
          1,
        ).slice(0, -1);
  return subtest('boot_run', [...inner, resultLine(run.result, 1)], 1, failed, n);
}

/** The KTAP document for one boot; `release` goes in a diagnostic line (it names what was booted). */
export function renderBootKtap(assessment: BootAssessment, options: { readonly release: string | null }): string {
  const run = assessment.run;
  const runFailed = assessment.reasons.some((r) => r.startsWith('run/'));
  return [
    'KTAP version 1',
    `# kgap boot: ${options.release ?? 'unknown release'}`,
    `1..${run === null ? 2 : 3}`,
    ...checks('boot_host', assessment.host, 1),
    ...checks('boot_guest', assessment.guest, 2),
    ...(run === null ? [] : runTests(run, runFailed, 3)),
    '',
  ].join('\n');
}
