import type { GateView } from '../../domain/gate-view.js';

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 forbids most control characters even when escaped.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

type Case = { readonly classname: string; readonly name: string; readonly failure?: string; readonly skipped?: string };

function testcase(c: Case): string {
  const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"`;
  if (c.failure !== undefined) return `${open}>\n      <failure message="${xml(c.failure)}"/>\n    </testcase>`;
  if (c.skipped !== undefined) return `${open}>\n      <skipped message="${xml(c.skipped)}"/>\n    </testcase>`;
  return `${open}/>`;
}

/**
 * JUnit XML for CI dashboards: one testcase for the verdict, one per finding. Blocking findings are failures,
 * non-blocking ones (flaky by default, allowed lost coverage, excused failures) are skipped with the reason,
 * fixes pass. Unchanged tests are left out: the dashboard shows what the update changed.
 */
export function renderGateJunit(view: GateView): string {
  const a = view.assessment;
  const p = a.policy;
  const cases: Case[] = [
    a.verdict === 'go'
      ? { classname: 'kgap.gate', name: 'verdict' }
      : { classname: 'kgap.gate', name: 'verdict', failure: a.reasons.join('; ') },
    ...a.regressions.map((r) => ({
      classname: 'kgap.gate.regression',
      name: r.test,
      failure: `${r.baseline} -> ${r.candidate}${r.detail ? `: ${r.detail}` : ''}`,
    })),
    ...a.newCrashes.map((c) => ({
      classname: 'kgap.gate.crash',
      name: c.signature,
      failure: `${c.count}x, first at ${c.source}:${c.line}: ${c.example}`,
    })),
    ...a.lostCoverage.map((l) => {
      const name = l.test ?? l.run ?? l.kind;
      const message = `${l.kind}: ${l.detail}`;
      return p.allowLostCoverage
        ? { classname: 'kgap.gate.coverage', name, skipped: message }
        : { classname: 'kgap.gate.coverage', name, failure: message };
    }),
    ...a.flaky.map((f) => {
      const message = `${f.side}: ${f.baseline} -> ${f.candidate}`;
      const blocks = p.flakyIsRegression && f.side !== 'baseline';
      return blocks
        ? { classname: 'kgap.gate.flaky', name: f.test, failure: message }
        : { classname: 'kgap.gate.flaky', name: f.test, skipped: message };
    }),
    ...a.newFailures.map((f) => {
      const message = `${f.baseline} -> ${f.candidate}`;
      return p.newFailuresAreRegressions
        ? { classname: 'kgap.gate.new-failure', name: f.test, failure: message }
        : { classname: 'kgap.gate.new-failure', name: f.test, skipped: message };
    }),
    ...a.expectedFailures.map((e) => ({
      classname: 'kgap.gate.known-issue',
      name: e.test,
      skipped: `${e.knownIssue?.reason ?? ''}${e.knownIssue?.expires ? ` (until ${e.knownIssue.expires})` : ''}`,
    })),
    ...a.fixes.map((f) => ({ classname: 'kgap.gate.fix', name: f.test })),
  ];
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kgap gate" ${counts}>`,
    `  <testsuite name="kgap gate: ${xml(view.baselinePath)} -> ${xml(view.candidatePath)}" ${counts}>`,
    ...cases.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
