import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ResultRun } from '../../domain/test-result.js';
import { parseKtap } from './parse-ktap.js';

const FIXTURES = new URL('../../../../test/fixtures/results/formats/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
/** `id status` lines: the shape the assertions compare. */
const summary = (run: ResultRun): string[] => run.tests.map((t) => `${t.id} ${t.status}`);

describe('parseKtap on real-shaped output', () => {
  const cases: { file: string; tests: string[]; endedEarly?: RegExp }[] = [
    {
      file: 'kunit-console.log', // KUnit 6.x on the console: timestamps, noise, parameterised tests, Totals
      tests: [
        'example pass',
        'example/example_simple_test pass',
        'example/example_skip_test skip',
        'example/example_mark_skipped_test skip',
        'example/example_params_test pass',
        'example/example_params_test/example value 3 pass',
        'example/example_params_test/example value 2 pass',
        'example/example_params_test/example value 1 pass',
        'example/example_params_test/example value 0 skip',
        'list-kunit-test fail',
        'list-kunit-test/list_test_list_init pass',
        'list-kunit-test/list_test_list_add fail',
        'list-kunit-test/list_test_list_add_tail pass',
        'time_test_cases pass',
        'time_test_cases/time64_to_tm_test_date_range pass',
      ],
    },
    {
      file: 'ktap-spec-example.ktap', // the example in Documentation/dev-tools/ktap.rst: names only in result lines
      tests: [
        'main_test fail',
        'main_test/example_test_1 pass',
        'main_test/example_test_1/test_1 pass',
        'main_test/example_test_2 pass',
        'main_test/example_test_2/test_1 skip',
        'main_test/example_test_2/test_2 pass',
        'main_test/example_test_3 fail',
        'main_test/example_test_3/test_1 pass',
        'main_test/example_test_3/test_2 fail',
        'main_test/example_test_3/test_3 skip',
      ],
    },
    {
      file: 'kunit-tab-5.5.ktap', // the first KUnit format: TAP version 14, tab indentation, `- ` names
      tests: [
        'kunit-try-catch-test pass',
        'kunit-try-catch-test/kunit_test_try_catch_successful_try_no_catch pass',
        'kunit-try-catch-test/kunit_test_try_catch_unsuccessful_try_does_catch pass',
        'string-stream-test fail',
        'string-stream-test/string_stream_test_empty_on_creation pass',
        'string-stream-test/string_stream_test_not_empty_after_add fail',
      ],
    },
    {
      file: 'kunit-4space-5.10.log', // 5.10: four-space indentation, `# Subtest:` headers, no nested version
      tests: [
        'sysctl_test pass',
        'sysctl_test/sysctl_test_api_dointvec_null_tbl_data pass',
        'sysctl_test/sysctl_test_api_dointvec_table_maxlen_unset pass',
        'sysctl_test/sysctl_test_api_dointvec_table_len_is_zero pass',
        'ext4_inode_test pass',
        'ext4_inode_test/inode_test_xtimestamp_decoding pass',
      ],
    },
    {
      file: 'kselftest-net.tap', // kselftest runner: `# `-prefixed nested TAP, SKIP, XFAIL, TIMEOUT
      tests: [
        'selftests: net: reuseport_bpf_numa pass',
        'selftests: net: reuseport_bpf_numa/reuseport numa ipv4 pass',
        'selftests: net: reuseport_bpf_numa/reuseport numa ipv6 skip',
        'selftests: net: tls fail',
        'selftests: net: tls/global.non_established pass',
        'selftests: net: tls/global.keysizes fail',
        'selftests: net: tls/global.sendfile xfail',
        'selftests: net: fcnal-test.sh timeout',
        'selftests: net: so_txtime.sh skip',
      ],
    },
    {
      file: 'tap14-subtests.tap', // TAP 14: `# Subtest:` at the parent's level, YAML block, TODO, escaped #
      tests: [
        'parser fail',
        'parser/accepts plans pass',
        'parser/rejects garbage fail',
        'escaping # hashes pass',
        'known broken xfail',
        'slow path skip',
      ],
    },
    {
      file: 'ktap-errors.ktap',
      tests: ['plain_pass pass', 'timed_out timeout', 'harness_error error', 'plain_fail fail'],
    },
    {
      file: 'bail-out.tap',
      tests: ['setup pass', 'mount tmpfs fail'],
      endedEarly: /^Bail out! cannot continue without tmpfs \(line 5\)$/,
    },
    {
      file: 'kunit-crash-truncated.log', // the kernel oopsed inside a suite: output stops mid-block
      tests: [
        'list-kunit-test pass',
        'list-kunit-test/list_test_list_init pass',
        'list-kunit-test/list_test_list_add pass',
        'kasan/kmalloc_oob_right pass',
      ],
      endedEarly: /^output ends inside kasan/,
    },
  ];
  for (const c of cases) {
    it(c.file, () => {
      const run = parseKtap(fixture(c.file), { source: c.file });
      assert.deepEqual(summary(run).sort(), [...c.tests].sort());
      if (c.endedEarly) assert.match(run.endedEarly ?? '', c.endedEarly);
      else assert.equal(run.endedEarly, null);
      assert.deepEqual(run.problems, []);
    });
  }
});

describe('parseKtap details', () => {
  it('lists results in output order: a parent after its subtests, as KTAP prints it', () => {
    const run = parseKtap(fixture('kunit-tab-5.5.ktap'), { source: 'x' });
    assert.deepEqual(
      run.tests.slice(0, 3).map((t) => t.id),
      [
        'kunit-try-catch-test/kunit_test_try_catch_successful_try_no_catch',
        'kunit-try-catch-test/kunit_test_try_catch_unsuccessful_try_does_catch',
        'kunit-try-catch-test',
      ],
    );
  });

  it('keeps the directive reason and the failure diagnostics', () => {
    const run = parseKtap(fixture('kunit-console.log'), { source: 'x' });
    const byId = new Map(run.tests.map((t) => [t.id, t.detail]));
    assert.equal(byId.get('example/example_skip_test'), 'this test should be skipped');
    assert.equal(
      byId.get('list-kunit-test/list_test_list_add'),
      'list_test_list_add: EXPECTATION FAILED at lib/list-test.c:60',
    );
    assert.equal(byId.get('example/example_simple_test'), undefined);
  });

  const inline: { name: string; text: string; tests: string[]; endedEarly: string | null }[] = [
    {
      name: 'a plan larger than the results is a run that ended early',
      text: 'KTAP version 1\n1..3\nok 1 a\nok 2 b\n',
      tests: ['a pass', 'b pass'],
      endedEarly: 'plan announced 3 tests, 2 reported',
    },
    {
      name: 'results without names are numbered; repeated names get ~2',
      text: 'TAP version 13\n1..3\nok 1\nok 2 same\nnot ok 3 same\n',
      tests: ['#1 pass', 'same pass', 'same~2 fail'],
      endedEarly: null,
    },
    {
      name: 'bare TAP without a version line, with a trailing plan',
      text: 'ok 1 - one\nnot ok 2 - two # skip not here\n1..2\n',
      tests: ['one pass', 'two skip'],
      endedEarly: null,
    },
    {
      name: 'two KTAP streams on one console, unrelated lines between',
      text: '[ 1.0] KTAP version 1\n[ 1.0] 1..1\n[ 1.1] ok 1 first\n[ 2.0] usb 1-1: new device\n[ 3.0] KTAP version 1\n[ 3.0] 1..1\n[ 3.1] ok 1 second\n',
      tests: ['first pass', 'second pass'],
      endedEarly: null,
    },
    {
      name: 'printk caller ids and raw /dev/kmsg levels are stripped',
      text: '<6>[    1.000000][    T1] KTAP version 1\n<6>[    1.000001][    T1] 1..1\n<6>[    1.000002][    T1] not ok 1 t # SKIP\n',
      tests: ['t skip'],
      endedEarly: null,
    },
    {
      name: 'text with no TAP at all is an empty run with a problem',
      text: 'hello\nworld\n',
      tests: [],
      endedEarly: null,
    },
  ];
  for (const c of inline) {
    it(c.name, () => {
      const run = parseKtap(c.text, { source: 'inline' });
      assert.deepEqual(summary(run), c.tests);
      assert.equal(run.endedEarly, c.endedEarly);
    });
  }
});

describe('parseKtap: captures from real runners (issue 11)', () => {
  const ids = (text: string): string[] => summary(parseKtap(text, { source: 't' }));
  it("a capture that starts inside kselftest's runner keeps its nested results, under the announced program", () => {
    const text = [
      '# selftests: net: tls',
      '# TAP version 13',
      '# 1..3',
      '# #  RUN           global.keysizes ...',
      '# ok 1 global.keysizes',
      '# #  RUN           global.tls_v6ops ...',
      '# ok 2 # SKIP no TLS support',
      '# not ok 3 global.no_pad',
      '',
    ].join('\n');
    const run = parseKtap(text, { source: 't' });
    assert.deepEqual(summary(run), [
      'selftests: net: tls/global.keysizes pass',
      'selftests: net: tls/global.tls_v6ops skip',
      'selftests: net: tls/global.no_pad fail',
    ]);
    assert.match(run.endedEarly ?? '', /ends inside selftests: net: tls/);
  });
  it("with the runner's result line the ids are the same as in a whole run", () => {
    const whole =
      'TAP version 13\n1..1\n# selftests: net: tls\n# TAP version 13\n# 1..1\n# ok 1 global.keysizes\nok 1 selftests: net: tls\n';
    const cut = '# selftests: net: tls\n# TAP version 13\n# 1..1\n# ok 1 global.keysizes\nok 1 selftests: net: tls\n';
    assert.deepEqual(ids(cut), ids(whole));
    assert.deepEqual(ids(whole), ['selftests: net: tls/global.keysizes pass', 'selftests: net: tls pass']);
  });
  it("results indented deeper than their block's header get no nameless level", () => {
    const deep =
      'KTAP version 1\n1..1\n  # Subtest: subtest 1\n  1..2\n    ok 1 test 1\n    ok 2 test 2\nok 1 subtest 1\n';
    const normal =
      'KTAP version 1\n1..1\n  # Subtest: subtest 1\n  1..2\n  ok 1 test 1\n  ok 2 test 2\nok 1 subtest 1\n';
    assert.deepEqual(ids(deep), ['subtest 1/test 1 pass', 'subtest 1/test 2 pass', 'subtest 1 pass']);
    assert.deepEqual(ids(deep), ids(normal));
  });
  it('a nested block without a header after results of its own still nests (KTAP spec example shape)', () => {
    assert.deepEqual(ids('KTAP version 1\n1..2\nok 1 a\n  ok 1 x\nok 2 b\n'), ['a pass', 'b/x pass', 'b pass']);
  });
  it('KUnit captured from the middle of a run (no version line) nests suites as a whole run does', () => {
    const text = [
      '[   22.087937]\t# Subtest: kunit-try-catch-test',
      '[   22.088994]\t1..1',
      '[   22.114555]\tok 1 - kunit_test_try_catch_successful_try_no_catch',
      '[   22.127949] ok 4 - kunit-try-catch-test',
      '[   22.128774]\t# Subtest: example',
      '[   22.132604]\t1..1',
      '[   22.141538]\tok 1 - example_simple_test # SKIP no reason',
      '[   22.181461] ok 5 - example',
      '',
    ].join('\n');
    assert.deepEqual(ids(text), [
      'kunit-try-catch-test/kunit_test_try_catch_successful_try_no_catch pass',
      'kunit-try-catch-test pass',
      'example/example_simple_test skip',
      'example pass',
    ]);
  });
  it('a nameless skip takes its reason as the name (kselftest.h prints the name there)', () => {
    assert.deepEqual(ids('TAP version 13\n1..2\nok 1 CLOCK_REALTIME\nok 2 # SKIP CLOCK_MONOTONIC_RAW\n'), [
      'CLOCK_REALTIME pass',
      'CLOCK_MONOTONIC_RAW skip',
    ]);
  });
  it('a header whose block reports nothing is a problem (KUnit: NO_TESTS)', () => {
    const run = parseKtap(
      'TAP version 14\n1..1\n  # Subtest: suite\n  1..1\n    # Subtest: case\n  ok 1 - case\nok 1 - suite\n',
      {
        source: 't',
      },
    );
    assert.deepEqual(summary(run), ['suite/case pass', 'suite pass']);
    assert.deepEqual(run.problems, ['case announced subtests but reported none (line 1 of its block)']);
  });
});
