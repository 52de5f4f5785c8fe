/**
 * Renders a boot run for stdout: `ktap` (what `gate` reads), `json` (schemaVersion 1, see docs/boot.md),
 * `markdown` and `table`. All but `json` leave out the duration, so they only change when the outcome does.
 */
import type { CheckResult } from '../../domain/boot-check.js';
import type { BootRun } from '../../domain/boot-run.js';
import { formatNames } from '../format-names.js';

/** Every check as a row: host, guest, then the product's command and the results its output held. */
function rows(run: BootRun): { side: string; check: { id: string; status: string; detail?: string } }[] {
  const cmd = run.assessment.run;
  return [
    ...run.assessment.host.map((check: CheckResult) => ({ side: 'host', check })),
    ...run.assessment.guest.map((check) => ({ side: 'guest', check })),
    ...(cmd === null
      ? []
      : [
          { side: 'run', check: cmd.result },
          ...cmd.tests.map((t) => ({ side: 'run', check: { ...t, id: `${cmd.name}/${t.id}` } })),
        ]),
  ];
}

/** The command's part of the JSON: what ran, how it ended, its results (the output stays in console.log). */
function runJson(run: BootRun['assessment']['run']) {
  if (run === null) return null;
  return {
    command: run.command,
    name: run.name,
    status: run.result.status,
    ...(run.result.detail === undefined ? {} : { detail: run.result.detail }),
    exitStatus: run.exitStatus,
    format: run.format,
    endedEarly: run.endedEarly,
    outputBytes: run.outputBytes,
    tests: run.tests.map((t) => ({
      id: t.id,
      status: t.status,
      ...(t.detail === undefined ? {} : { detail: t.detail }),
    })),
  };
}

function renderJson(run: BootRun): string {
  const { console: _console, ktap: _ktap, assessment, ...rest } = run;
  const body = {
    schemaVersion: rest.schemaVersion,
    verdict: assessment.verdict,
    reasons: assessment.reasons,
    kernel: rest.kernel,
    arch: rest.arch,
    expectRelease: rest.expectRelease,
    booted: rest.booted,
    commandLine: rest.commandLine,
    timeoutSeconds: rest.timeoutSeconds,
    durationSeconds: rest.durationSeconds,
    qemu: rest.qemu,
    host: assessment.host,
    guest: assessment.guest,
    run: runJson(assessment.run),
    problems: assessment.problems,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function headline(run: BootRun): string {
  const what = `${run.kernel.release ?? run.kernel.path} (${run.arch}) booted as ${run.booted.image}`;
  return `boot ${run.assessment.verdict === 'pass' ? 'PASSED' : 'FAILED'}: ${what}`;
}

function renderMarkdown(run: BootRun): string {
  const lines = [
    `## kgap boot: ${run.assessment.verdict === 'pass' ? 'pass' : 'FAIL'}`,
    '',
    `Kernel \`${run.kernel.version ?? run.kernel.path}\` (${run.arch}), booted as ${run.booted.image} (${run.booted.note}); command line \`${run.commandLine}\`.`,
    '',
    '| side | check | result | detail |',
    '|---|---|---|---|',
    ...rows(run).map(
      ({ side, check }) =>
        `| ${side} | ${check.id.replace(/\|/g, '\\|')} | ${check.status} | ${(check.detail ?? '').replace(/\|/g, '\\|')} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function renderTable(run: BootRun): string {
  const all = rows(run);
  const width = Math.max(...all.map((r) => r.check.id.length));
  const body = all.map(({ side, check }) =>
    `${side.padEnd(5)}  ${check.id.padEnd(width)}  ${check.status.padEnd(4)}  ${check.detail ?? ''}`.trimEnd(),
  );
  return `${headline(run)}\n${body.join('\n')}\n`;
}

/** The boot renderers, one per output format. */
export const bootFormats = {
  table: renderTable,
  markdown: renderMarkdown,
  json: renderJson,
  ktap: (run: BootRun) => run.ktap,
} satisfies Record<string, (run: BootRun) => string>;

export type BootFormat = keyof typeof bootFormats;
export const BOOT_FORMATS = formatNames(bootFormats);
