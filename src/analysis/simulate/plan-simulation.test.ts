import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { buildReleaseTable } from '../../domain/release.js';
import { UserError } from '../../domain/user-error.js';
import { planSimulation } from './plan-simulation.js';
import { parsePolicy } from './policy.js';

const { table } = buildReleaseTable([
  ['6.1.1', '2025-01-01'],
  ['6.1.2', '2025-01-11'],
  ['6.1.3', '2025-01-21'],
  ['4.19.325', '2024-12-05'],
  ['4.19.324', '2024-11-17'],
]);
const SPAN = { firstPublished: '2024-02-12', lastKnown: '2025-01-31' };
const plan = (over: { start?: string; from?: string | null; to?: string | null; branch?: string | null }) =>
  planSimulation({
    releases: table,
    span: SPAN,
    branch: over.branch ?? null,
    start: parseKernelVersion(over.start ?? '6.1.1')!,
    from: over.from === undefined ? '2025-01-01' : over.from,
    to: over.to === undefined ? '2025-01-31' : over.to,
    policies: [],
  });

describe('planSimulation refuses what the data cannot answer', () => {
  const CASES: [string, Parameters<typeof plan>[0], RegExp][] = [
    [
      '--to before --from',
      { from: '2025-01-20', to: '2025-01-10' },
      /^to 2025-01-10 is before the first day \(2025-01-20\)/,
    ],
    ['a date that is not one', { from: '2025-02-30' }, /^from takes a day as YYYY-MM-DD/],
    ['before the CVE data', { from: '2023-06-01' }, /before the CVE data starts \(2024-02-12\)/],
    ['after the data', { to: '2025-03-01' }, /after the data ends \(2025-01-31\)/],
    ['start not on the branch', { branch: '4.19' }, /^start 6\.1\.1 is not on branch 4\.19/],
    ['unknown branch', { branch: '9.9', start: '9.9.1' }, /branch 9.9 has no dated releases/],
    ['unknown start', { start: '6.1.7' }, /^start 6\.1\.7 is not a dated release/],
    [
      'no release in range',
      { start: '4.19.325', from: '2025-01-01' },
      /branch 4.19 has no release after 4.19.325 between 2025-01-01 and 2025-01-31/,
    ],
  ];
  for (const [name, input, message] of CASES) {
    it(name, () =>
      assert.throws(
        () => plan(input),
        (e: unknown) => e instanceof UserError && message.test(e.message),
      ),
    );
  }

  it('starts on the start release when it came out after --from, and says so', () => {
    const p = plan({ start: '6.1.2', from: '2025-01-01' });
    assert.equal(p.start.name, '6.1.2');
    assert.equal(p.notes.length, 1);
    assert.match(p.notes[0] ?? '', /the replay starts on 2025-01-11/);
    assert.deepEqual(
      p.releases.map((r) => r.name),
      ['6.1.2', '6.1.3'],
    );
  });
});

describe('parsePolicy', () => {
  const OK: [string, string, number | null][] = [
    ['frozen', 'frozen', null],
    ['track-stable:14d', 'track-stable', 14],
    ['track-stable:0', 'track-stable', 0],
    ['cherry-pick-cves:30d', 'cherry-pick-cves', 30],
    ['upgrade-every:90d', 'upgrade-every', 90],
  ];
  for (const [text, kind, days] of OK) {
    it(text, () => assert.deepEqual(parsePolicy(text), { ok: true, policy: { kind, days } }));
  }
  const BAD = ['yolo', 'frozen:3d', 'track-stable', 'upgrade-every:0d', 'track-stable:2w', 'cherry-pick-cves:-1d'];
  for (const text of BAD) {
    it(`refuses ${text} and lists the valid forms`, () => {
      const r = parsePolicy(text);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.reason, /valid forms: frozen, track-stable:Nd, upgrade-every:Nd, cherry-pick-cves:Nd/);
    });
  }
});
