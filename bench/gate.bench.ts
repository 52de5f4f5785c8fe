/**
 * Issue 7 target: a 1-million-line result log parses in <= 3 s and <= 300 MB RSS. Each figure runs in a
 * fresh child process (so RSS is the parse's own: `process.resourceUsage().maxRSS` after reading the file
 * and parsing it), on generated logs shaped like the real thing: KUnit on a timestamped console with
 * nested parameterised tests and unrelated kernel lines, a runltp results table, a JUnit report, and a
 * console log for the crash scanner. The baseline is the floor: reading the file and splitting it into lines.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Bench, type BenchFigure, round } from './bench.js';

const LINES = 1_000_000;
const FORMATS = fileURLToPath(new URL('../src/sources/results/result-formats.js', import.meta.url));
const CRASHES = fileURLToPath(new URL('../src/sources/results/parse-crashes.js', import.meta.url));
const GATE = fileURLToPath(new URL('../src/app/gate/run-gate.js', import.meta.url));

const stamp = (i: number): string => `[${(i / 1000).toFixed(6).padStart(12)}] `;

/**
 * KUnit console output: whole suites of 40 tests (every 8th parameterised, one unrelated kernel line in 10,
 * three failures a suite) until there are a million lines, so the run is complete and the plan holds.
 */
function kunitLog(): string {
  const body: string[] = [];
  let suite = 0;
  while (body.length < LINES - 2) {
    suite++;
    body.push('    KTAP version 1', `    # Subtest: suite_${suite}`, '    1..40');
    for (let t = 1; t <= 40; t++) {
      if (t % 8 === 0) {
        body.push('        KTAP version 1', `        # Subtest: param_${t}`);
        for (let p = 1; p <= 4; p++) body.push(`        ok ${p} value ${p}${p === 4 ? ' # SKIP unsupported' : ''}`);
      }
      if (t % 10 === 0) body.push(`usb 1-${t}: new high-speed USB device number ${suite}`);
      if (t % 13 === 0) body.push(`    # test_${t}: EXPECTATION FAILED at lib/test.c:${t}`);
      body.push(`    ${t % 13 === 0 ? 'not ok' : 'ok'} ${t} test_${t}`);
    }
    body.push(`# suite_${suite}: pass:37 fail:3 skip:0 total:40`, `not ok ${suite} suite_${suite}`);
  }
  const out = ['KTAP version 1', `1..${suite}`, ...body];
  return `${out.map((l, i) => stamp(i) + l).join('\n')}\n`;
}

function runltpLog(): string {
  const head = [
    'Test Start Time: Fri Nov 27 09:12:44 2026',
    '-'.repeat(41),
    'Testcase   Result   Exit Value',
    '--------   ------   ----------',
  ];
  const words = ['PASS       0', 'PASS       0', 'FAIL       1', 'CONF       32'];
  const rows = Array.from({ length: LINES - 6 }, (_, i) => `test_${i}`.padEnd(51) + words[i % 4]);
  return `${[...head, ...rows, '', 'Total Tests: 1'].join('\n')}\n`;
}

function junitLog(): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', '<testsuite name="big">'];
  for (let i = 0; out.length < LINES - 2; i++) {
    if (i % 5 === 0)
      out.push(`<testcase classname="c${i % 97}" name="t${i}">`, `<failure message="x &lt; ${i}"/>`, '</testcase>');
    else out.push(`<testcase classname="c${i % 97}" name="t${i}" time="0.01"/>`);
  }
  return `${[...out, '</testsuite>', '</testsuites>'].join('\n')}\n`;
}

function consoleLog(): string {
  const warn = [
    '------------[ cut here ]------------',
    'WARNING: CPU: 1 PID: 214 at drivers/net/virtio_net.c:3512 virtnet_probe+0x9a1/0xb20 [virtio_net]',
    'Call Trace:',
    ' virtio_dev_probe+0x1b4/0x2c0',
  ];
  const out: string[] = [];
  for (let i = 0; out.length < LINES; i++) {
    if (i % 1000 === 0) out.push(...warn);
    else out.push(`ext4: mounted filesystem ${i} with ordered data mode`);
  }
  return `${out
    .slice(0, LINES)
    .map((l, i) => stamp(i) + l)
    .join('\n')}\n`;
}

/** The 1-minute load average: on a shared 2-core machine, wall time is only meaningful beside it. */
const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';

/** Runs `body` (ESM, with `text` read from `file`) in a fresh node; returns its time and peak RSS. */
function child(file: string, body: string): { ms: number; cpuS: number; rssMb: number; out: string } {
  const script = `import { readFileSync } from 'node:fs';
const t0 = performance.now();
const text = readFileSync(${JSON.stringify(file)}, 'utf8');
${body}
const ms = performance.now() - t0;
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssKb: process.resourceUsage().maxRSS, out: String(out) }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  const j = JSON.parse(r.stdout) as { ms: number; cpuMs: number; rssKb: number; out: string };
  return { ms: j.ms, cpuS: round(j.cpuMs / 1000, 2), rssMb: Math.round(j.rssKb / 1024), out: j.out };
}

async function parseBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kgap-gate-bench-'));
  try {
    const cases: [string, () => string, string][] = [
      [
        'KUnit console (KTAP)',
        kunitLog,
        `const { parseResults } = await import(${JSON.stringify(FORMATS)}); const run = parseResults(text, { source: 'x' }); const out = run.format + ' ' + run.tests.length;`,
      ],
      [
        'runltp results',
        runltpLog,
        `const { parseResults } = await import(${JSON.stringify(FORMATS)}); const run = parseResults(text, { source: 'x' }); const out = run.format + ' ' + run.tests.length;`,
      ],
      [
        'JUnit XML',
        junitLog,
        `const { parseResults } = await import(${JSON.stringify(FORMATS)}); const run = parseResults(text, { source: 'x' }); const out = run.format + ' ' + run.tests.length;`,
      ],
      [
        'console crash scan',
        consoleLog,
        `const { parseCrashes } = await import(${JSON.stringify(CRASHES)}); const c = parseCrashes(text, { source: 'x' }); const out = 'crashes ' + c.length + ' x' + (c[0]?.count ?? 0);`,
      ],
    ];
    const figures: BenchFigure[] = [];
    for (const [name, make, body] of cases) {
      const file = join(dir, 'log');
      const text = make();
      writeFileSync(file, text);
      const mb = round(Buffer.byteLength(text) / 1e6, 1);
      const lines = text.split('\n').length - 1;
      const floor = child(file, 'const out = text.split("\\n").length;');
      const run = child(file, body);
      figures.push(
        {
          name: `gate: parse 1M-line ${name}`,
          value: round(run.ms / 1000, 2),
          unit: 's',
          target: 3,
          targetOk: run.ms <= 3000,
          baseline: round(floor.ms / 1000, 2),
          note: `wall; ${lines} lines, ${mb} MB, ${run.out}; load average ${load()}; baseline: read + split lines`,
        },
        {
          name: `gate: parse 1M-line ${name} CPU`,
          value: run.cpuS,
          unit: 's',
          baseline: floor.cpuS,
          note: 'user+system CPU of the child: the work itself, whatever else the machine runs',
        },
        {
          name: `gate: parse 1M-line ${name} peak RSS`,
          value: run.rssMb,
          unit: 'MB',
          target: 300,
          targetOk: run.rssMb <= 300,
          baseline: floor.rssMb,
          note: 'child process maxRSS',
        },
      );
    }
    // The whole gate on two 1M-line KUnit sides (read both dirs, compare ~900k tests each): no target, for scale.
    for (const side of ['base', 'cand']) {
      mkdirSync(join(dir, side));
      writeFileSync(join(dir, side, 'kunit.ktap'), kunitLog());
    }
    const gate = child(
      join(dir, 'base', 'kunit.ktap'),
      `const { runGate } = await import(${JSON.stringify(GATE)}); const v = await runGate({ baseline: ${JSON.stringify(join(dir, 'base'))}, candidate: ${JSON.stringify(join(dir, 'cand'))}, asOf: '2026-11-28' }); const out = v.assessment.verdict + ' ' + v.assessment.counts.compared;`,
    );
    figures.push(
      {
        name: 'gate: kgap gate on two 1M-line KUnit logs',
        value: round(gate.ms / 1000, 2),
        unit: 's',
        note: `wall; ${gate.out} compared; process CPU ${gate.cpuS} s; load average ${load()}`,
      },
      {
        name: 'gate: kgap gate on two 1M-line KUnit logs peak RSS',
        value: gate.rssMb,
        unit: 'MB',
        note: 'child process maxRSS',
      },
    );
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benches: readonly Bench[] = [{ name: 'gate: 1M-line result logs', run: parseBench }];
