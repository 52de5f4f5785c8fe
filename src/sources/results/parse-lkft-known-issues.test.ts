/**
 * The LKFT reader on the real files of Linaro/qa-reports-known-issues (test/fixtures/known-issues/lkft/), checked
 * against what that project's own tests assert about them (`test_sync_known_issues.py`, quoted in ORIGIN.md) and
 * the counts ORIGIN.md measured with PyYAML.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { looksLikeLkftKnownIssues, parseLkftKnownIssues } from './parse-lkft-known-issues.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/known-issues/lkft/${name}`, import.meta.url), 'utf8');

describe('parseLkftKnownIssues on test_data/test-issues.yaml', () => {
  const file = parseLkftKnownIssues(fixture('test-issues.yaml'));

  it('test_parse_files: project LKFT-ltp-staging with 3 environments', () => {
    assert.deepEqual(file.problems, []);
    assert.equal(file.groups.length, 1);
    assert.equal(file.groups[0]?.name, 'LKFT-ltp-staging');
    assert.equal(file.groups[0]?.environments.length, 3);
  });

  it('test_squad_known_issue_happy_path: its projects and environments, 6 issues (test_names expands)', () => {
    assert.deepEqual(file.groups[0]?.projects, [
      'lkft/linux-mainline-oe',
      'lkft/linux-next-oe',
      'lkft/linux-stable-rc-4.17-oe',
    ]);
    assert.deepEqual(file.groups[0]?.environments, ['hi6220-hikey', 'juno-r2', 'x86']);
    assert.equal(file.issues.length, 6);
  });

  it('test_squad_known_issue_happy_path_2: fork10 by matrix_apply, active, intermittent absent (null)', () => {
    const fork10 = file.issues.find((i) => i.testName === 'ltp-syscalls-tests/fork10');
    assert.equal(fork10?.active, true);
    assert.equal(fork10?.intermittent, null);
    assert.deepEqual(fork10?.scope, {
      'lkft/linux-mainline-oe': ['hi6220-hikey', 'juno-r2', 'x86'],
      'lkft/linux-next-oe': ['hi6220-hikey'],
      'lkft/linux-stable-rc-4.17-oe': ['hi6220-hikey'],
    });
  });

  it('anchors resolve: msgctl10 applies to the arm64 boards (*environments_arm64) on linux-next only', () => {
    const msgctl10 = file.issues.find((i) => i.testName === 'ltp-syscalls-tests/msgctl10');
    assert.deepEqual(msgctl10?.scope, { 'lkft/linux-next-oe': ['hi6220-hikey', 'juno-r2'] });
    assert.match(msgctl10?.notes ?? '', /^msgctl10\/msgstress03 and msgct11\/msgstress04 tests overheats HiKey board/);
  });
});

describe('parseLkftKnownIssues on test_data/test-issues-2.yaml', () => {
  it('test_matrix_apply_kselftest_bug: bpf_test_align on 10 environments for 4 projects, 4 for 5', () => {
    const file = parseLkftKnownIssues(fixture('test-issues-2.yaml'));
    assert.deepEqual(file.problems, []);
    assert.equal(file.issues.length, 6);
    const align = file.issues.find((i) => i.testName === 'kselftest/bpf_test_align');
    const all10 = [
      'dragonboard-410c',
      'hi6220-hikey',
      'i386',
      'juno-r2',
      'qemu_arm',
      'qemu_arm64',
      'qemu_i386',
      'qemu_x86_64',
      'x15',
      'x86',
    ];
    const bits32 = ['i386', 'qemu_arm', 'qemu_i386', 'x15'];
    assert.deepEqual(align?.scope, {
      'lkft/linaro-hikey-stable-rc-4.4-oe': all10,
      'lkft/linux-mainline-oe': bits32,
      'lkft/linux-stable-rc-4.14-oe': all10,
      'lkft/linux-stable-rc-4.19-oe': bits32,
      'lkft/linux-stable-rc-4.4-oe': all10,
      'lkft/linux-stable-rc-4.9-oe': all10,
      'lkft/linux-stable-rc-5.1-oe': bits32,
      'lkft/linux-stable-rc-5.2-oe': bits32,
      'lkft/linux-stable-rc-5.3-oe': bits32,
    });
  });
});

describe('parseLkftKnownIssues on kselftests-production.yaml', () => {
  it('the counts measured with PyYAML: 1 group, 16 projects, 43 environments, 115 issues naming 156 tests, 40 intermittent', () => {
    const file = parseLkftKnownIssues(fixture('kselftests-production.yaml'));
    assert.deepEqual(file.problems, []);
    assert.equal(file.groups.length, 1);
    assert.equal(file.groups[0]?.projects.length, 16);
    assert.equal(file.groups[0]?.environments.length, 43);
    assert.equal(file.issues.length, 156);
    assert.ok(file.issues.every((i) => i.active));
    // One entry per test name; the names of one YAML issue share its scope object, which tells the issues apart.
    assert.equal(new Set(file.issues.map((i) => i.scope)).size, 115);
    assert.equal(new Set(file.issues.filter((i) => i.intermittent).map((i) => i.scope)).size, 40);
    assert.ok(file.issues.some((i) => i.testName === 'kselftest*/bpf.test_progs'));
  });
});

describe('parseLkftKnownIssues refuses what sync_known_issues.py refuses', () => {
  const head = 'projects:\n- name: G\n  url: https://x\n  projects: [p/a]\n  environments: [e1]\n  known_issues:\n';
  const cases: [string, string, RegExp][] = [
    [
      'test_names as a string',
      '  - {test_names: s/t, environments: [e1], projects: [p/a], active: true}\n',
      /test_names must be a list/,
    ],
    ['no test name', '  - {environments: [e1], projects: [p/a], active: true}\n', /test_name or test_names is needed/],
    [
      'a name defined twice',
      '  - {test_name: s/t, environments: [e1], projects: [p/a], active: true}\n  - {test_name: s/t, environments: [e1], projects: [p/a], active: true}\n',
      /G: test name s\/t defined twice/,
    ],
    [
      'an undeclared environment',
      '  - {test_name: s/t, environments: [e9], projects: [p/a], active: true}\n',
      /environment e9 is not one of G's/,
    ],
    [
      'an undeclared project',
      '  - {test_name: s/t, environments: [e1], projects: [p/z], active: true}\n',
      /project p\/z is not one of G's/,
    ],
    [
      'matrix_apply beside projects',
      '  - {test_name: s/t, projects: [p/a], active: true, matrix_apply: [{environments: [e1], projects: [p/a]}]}\n',
      /matrix_apply and projects\/environments are both given/,
    ],
    [
      'an unresolved alias',
      '  - {test_name: s/t, environments: *nope, projects: [p/a], active: true}\n',
      /not valid YAML/,
    ],
  ];
  for (const [name, body, problem] of cases) {
    it(name, () => {
      const file = parseLkftKnownIssues(head + body);
      assert.match(file.problems.join('\n'), problem);
      assert.deepEqual(file.issues, []);
    });
  }

  it('a missing active flag is false (SQUAD stores an absent boolean as false)', () => {
    const file = parseLkftKnownIssues(`${head}  - {test_name: s/t, environments: [e1], projects: [p/a]}\n`);
    assert.equal(file.issues[0]?.active, false);
  });

  it('is told apart from kgap JSON by its top-level projects list', () => {
    assert.equal(looksLikeLkftKnownIssues(fixture('test-issues.yaml')), true);
    assert.equal(looksLikeLkftKnownIssues('{"schemaVersion": 1, "issues": []}'), false);
  });
});
