import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { UserError } from '../../domain/user-error.js';
import { sharedDataDir } from '../data/data-options.js';
import { parseChangelogSubject, parseDebianChangelog } from './parse-debian-changelog.js';
import { planChangelogRange } from './plan-changelog-range.js';
import { readChangelog } from './read-changelog.js';

// Shaped like Debian's linux changelog: two uploads, wrapped subjects, arch tags, CVE annotations, an empty
// release, a stray `*` bullet, a `+` sub-list under a heading, and Debian's own items after `[ Name ]`.
const SNIPPET = `linux (6.1.187-1) bookworm-security; urgency=high

  * New upstream stable update:
    https://www.kernel.org/pub/linux/kernel/v6.x/ChangeLog-6.1.186
    - inet: frags: strip GSO state from fragments before reassembly
      (CVE-2026-80590)
    https://www.kernel.org/pub/linux/kernel/v6.x/ChangeLog-6.1.187
    - [x86] KVM: x86/mmu: Check write tracking in all address spaces
    - ext4: don't enable DAX on new encrypted files (CVE-2023-4128, CVE-2023-4207)
    * [armhf] ASoC: sti: use managed regmap_field allocations (CVE-2026-53065)
    - x86: retbleed fixes:
      + x86/kvm: Fix SETcc emulation for return thunks
      + x86/sev: Avoid using __x86_return_thunk

  [ Salvatore Bonaccorso ]
  * xen-netback: Zero out sring pointers on unmap (CVE-2026-99287)

 -- Salvatore Bonaccorso <carnil@debian.org>  Fri, 16 Oct 2026 23:46:12 +0200

linux (6.1.172-1) bookworm-security; urgency=high

  * New upstream stable update:
    https://www.kernel.org/pub/linux/kernel/v6.x/ChangeLog-6.1.171
    https://www.kernel.org/pub/linux/kernel/v6.x/ChangeLog-6.1.172
    - net: skbuff: preserve shared-frag marker during coalescing

 -- Salvatore Bonaccorso <carnil@debian.org>  Fri, 15 May 2026 11:58:29 +0200
`;

describe('parseDebianChangelog', () => {
  const log = parseDebianChangelog(SNIPPET);

  it('finds each stable release with the upload that lists it, newest first', () => {
    assert.equal(log.packageName, 'linux');
    assert.equal(log.newestPackageVersion, '6.1.187-1');
    assert.deepEqual(
      log.updates.map((u) => [u.release, u.packageVersion, u.commits.length]),
      [
        ['6.1.186', '6.1.187-1', 1],
        ['6.1.187', '6.1.187-1', 5],
        ['6.1.171', '6.1.172-1', 0],
        ['6.1.172', '6.1.172-1', 1],
      ],
    );
    assert.deepEqual(log.problems, []);
  });

  it('joins wrapped subjects and splits off the annotations', () => {
    const [first] = log.updates[0]?.commits ?? [];
    assert.deepEqual(first, {
      release: '6.1.186',
      subject: 'inet: frags: strip GSO state from fragments before reassembly',
      archTag: null,
      sha: null,
      cveIds: ['CVE-2026-80590'],
    });
    const subjects = log.updates[1]?.commits.map((c) => [c.subject, c.cveIds]);
    assert.deepEqual(subjects, [
      ['KVM: x86/mmu: Check write tracking in all address spaces', []],
      ["ext4: don't enable DAX on new encrypted files", ['CVE-2023-4128', 'CVE-2023-4207']],
      ['ASoC: sti: use managed regmap_field allocations', ['CVE-2026-53065']],
      // The heading "x86: retbleed fixes:" is not a commit; its `+` items are.
      ['x86/kvm: Fix SETcc emulation for return thunks', []],
      ['x86/sev: Avoid using __x86_return_thunk', []],
    ]);
  });

  it("does not count Debian's own patches as stable commits", () => {
    const all = log.updates.flatMap((u) => u.commits.map((c) => c.subject));
    assert.ok(!all.some((s) => s.includes('xen-netback')));
  });

  const REFUSED: [string, string, RegExp][] = [
    ['a kernel config', '#\n# Automatically generated file; DO NOT EDIT.\nCONFIG_X86=y\n', /is not a Debian changelog/],
    ['a kernel.org ChangeLog', `commit ${'a'.repeat(40)}\nAuthor: x\n`, /is a kernel.org ChangeLog/],
    [
      'a changelog without stable updates',
      'hello (2.10-3) unstable; urgency=medium\n\n  * New upstream release.\n\n -- A <a@b>  Mon, 1 Jan 2024 00:00:00 +0000\n',
      /has no "New upstream stable update" entries/,
    ],
  ];
  for (const [name, text, message] of REFUSED) {
    it(`refuses ${name} in one line`, () => {
      assert.throws(
        () => parseDebianChangelog(text, 'f'),
        (e: unknown) => e instanceof UserError && message.test(e.message) && !e.message.includes('\n'),
      );
    });
  }

  it('keeps the first listing of a release listed twice, and says so', () => {
    const twice = `${SNIPPET}\nlinux (6.1.170-1) bookworm-security; urgency=high\n\n  * New upstream stable update:\n    https://www.kernel.org/pub/linux/kernel/v6.x/ChangeLog-6.1.186\n    - other\n`;
    const r = parseDebianChangelog(twice);
    assert.equal(r.updates.filter((u) => u.release === '6.1.186').length, 1);
    assert.match(r.problems.join(), /6\.1\.186 listed again under 6\.1\.170-1/);
  });

  it('plans a range: commits newest first, empty and missing releases named', () => {
    const range = planChangelogRange(log, {
      from: parseKernelVersion('6.1.170')!,
      to: parseKernelVersion('6.1.187')!,
      source: 's',
    });
    assert.equal(range.commits.length, 7);
    assert.equal(range.commits[0]?.release, '6.1.187');
    assert.deepEqual(range.emptyReleases, ['6.1.171']);
    assert.deepEqual(range.missingReleases, [
      '6.1.173',
      '6.1.174',
      '6.1.175',
      '6.1.176',
      '6.1.177',
      '6.1.178',
      '6.1.179',
      '6.1.180',
      '6.1.181',
      '6.1.182',
      '6.1.183',
      '6.1.184',
      '6.1.185',
    ]);
  });

  it('parseChangelogSubject keeps a subject that only looks annotated', () => {
    assert.deepEqual(parseChangelogSubject('Revert "x86/bugs: Make Safe-RET robust"'), {
      subject: 'Revert "x86/bugs: Make Safe-RET robust"',
      archTag: null,
      cveIds: [],
    });
  });
});

const shared = sharedDataDir();
const REAL = shared ? join(shared, 'debian', 'changelog-linux-6.1.192-3.gz') : null;
const skip =
  REAL && existsSync(REAL) ? false : 'shared data absent (../shared/data/debian): real changelog test skipped';

describe('the real Debian changelog (linux 6.1.192-3)', () => {
  it('lists every 6.1 stable release 6.1.1..6.1.192 once, with no unplaced line', { skip }, async () => {
    const log = await readChangelog(REAL as string);
    assert.equal(log.newestPackageVersion, '6.1.192-3');
    const on61 = log.updates.filter((u) => u.release.startsWith('6.1.')).map((u) => u.release);
    assert.equal(on61.length, 192);
    assert.equal(new Set(on61).size, 192);
    assert.deepEqual(log.problems, []);
  });

  it(
    '6.1.174 holds the two skbuff fixes, with their CVE ids; 6.1.171 and 6.1.172 list no subjects',
    { skip },
    async () => {
      const log = await readChangelog(REAL as string);
      const byRelease = new Map(log.updates.map((u) => [u.release, u]));
      assert.deepEqual(
        byRelease.get('6.1.174')?.commits.map((c) => c.cveIds),
        [['CVE-2026-46300'], ['CVE-2026-43503']],
      );
      assert.equal(byRelease.get('6.1.171')?.commits.length, 0);
      assert.equal(byRelease.get('6.1.172')?.commits.length, 0);
      // Debian marks arch-specific commits: the tag is not part of the subject.
      const safeRet = byRelease.get('6.1.182')?.commits.map((c) => c.subject);
      assert.deepEqual(safeRet, [
        'Revert "x86/bugs: Make Safe-RET robust against interrupt injection"',
        'bugs: Make Safe-RET robust against interrupt injection',
      ]);
    },
  );
});
