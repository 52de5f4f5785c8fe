import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleLines, parseGuestReport } from './guest-report.js';
import { MARKERS } from './init-script.js';

describe('parseGuestReport', () => {
  it('reads results between the markers, through \\r\\n, escapes and stray kernel lines', () => {
    const text = [
      '\x1b[2J\x1b[0mSeaBIOS',
      `${MARKERS.initStarted}\r`,
      `${MARKERS.ktapBegin}\r`,
      'KTAP version 1\r',
      '1..3\r',
      'ok 1 init_is_pid1\r',
      '[    3.1] random: crng init done\r',
      'ok 2 release_matches # SKIP uname -r is 6.1.0-57-amd64; no expected release given\r',
      'not ok 3 dmesg_clean # WARNING: CPU: 0 PID: 1 at x.c:1 f\r',
      `${MARKERS.ktapEnd}\r`,
      'ok 9 after_the_end\r',
    ].join('\n');
    const report = parseGuestReport(consoleLines(text));
    assert.equal(report.initStarted, true);
    assert.equal(report.ended, true);
    assert.deepEqual(
      [...report.results.values()],
      [
        { id: 'init_is_pid1', status: 'pass' },
        { id: 'release_matches', status: 'skip', detail: 'uname -r is 6.1.0-57-amd64; no expected release given' },
        { id: 'dmesg_clean', status: 'fail', detail: 'WARNING: CPU: 0 PID: 1 at x.c:1 f' },
      ],
    );
    assert.deepEqual(report.problems, ['unexpected line in the guest report: [    3.1] random: crng init done']);
  });

  it('reports nothing on an empty console', () => {
    const report = parseGuestReport(consoleLines(''));
    assert.deepEqual([report.initStarted, report.begun, report.ended, report.results.size], [false, false, false, 0]);
  });
});
