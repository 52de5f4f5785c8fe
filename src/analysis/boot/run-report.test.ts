import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResultRun } from '../../domain/test-result.js';
import type { QemuEnding } from './assess-boot.js';
import { consoleLines } from './guest-report.js';
import { MARKERS } from './init-script.js';
import { assessRun, parseRunBlock, runName } from './run-report.js';

const exited: QemuEnding = { timedOut: false, timeoutSeconds: 60, exitCode: 0, signal: null };
const killed: QemuEnding = { timedOut: true, timeoutSeconds: 60, exitCode: null, signal: 'SIGKILL' };

/** A console as the guest prints it: markers, the raw output, the newline `echo` adds, the end line; \r\n. */
function console(output: string | null, exit = 0, started = true): string {
  let text = `[    2.1] Run /init as init process\n${MARKERS.initStarted}\n`;
  if (started) text += `${MARKERS.runStart}\n`;
  if (output !== null)
    text += `${MARKERS.runOutputBegin}\n${output}\n${MARKERS.runOutputEnd} ${exit} ${output.length}\n`;
  return text.replace(/\n/g, '\r\n');
}

const neverParsed = (): ResultRun | null => assert.fail('nothing to parse');

describe('runName', () => {
  const cases: [string, string][] = [
    ['/probe/ktap-probe --fail-release 6.1.0-57-amd64', 'ktap-probe'],
    ['  run_tests.sh', 'run_tests.sh'],
    ['/opt/my tests', 'my'],
    ['$(reboot)', '__reboot_'],
    ['/', 'run'],
  ];
  for (const [command, want] of cases)
    it(`${JSON.stringify(command)} -> ${want}`, () => assert.equal(runName(command), want));
});

describe('parseRunBlock', () => {
  it('reads the output between the markers, the exit status and the size; drops the newline the guest adds', () => {
    const block = parseRunBlock(consoleLines(console('line 1\nline 2', 3)));
    assert.deepEqual(block, {
      started: true,
      printing: true,
      ended: true,
      exitStatus: 3,
      outputBytes: 13,
      output: 'line 1\nline 2\n',
    });
  });

  it('a command still running when the console stops: started, not ended', () => {
    assert.deepEqual(parseRunBlock(consoleLines(console(null))), {
      started: true,
      printing: false,
      ended: false,
      exitStatus: null,
      outputBytes: null,
      output: '',
    });
  });
});

describe('assessRun', () => {
  const ktap = 'KTAP version 1\n1..2\nok 1 a\nnot ok 2 b # broke\n';
  const parsed: ResultRun = {
    source: 'run',
    format: 'ktap',
    tests: [
      { id: 'a', status: 'pass' },
      { id: 'b', status: 'fail', detail: 'broke' },
    ],
    endedEarly: null,
    problems: [],
  };

  it('KTAP output: its results are the tests, the exit status the command result', () => {
    const run = assessRun({
      command: '/probe/ktap-probe',
      block: parseRunBlock(consoleLines(console(ktap.trimEnd(), 1))),
      ending: exited,
      parse: (output) => {
        assert.equal(output, ktap);
        return parsed;
      },
    });
    assert.equal(run.name, 'ktap-probe');
    assert.deepEqual(run.result, { id: 'ktap-probe', status: 'fail', detail: 'exit status 1' });
    assert.equal(run.format, 'ktap');
    assert.deepEqual(run.tests, parsed.tests);
  });

  it('no results in the output: the exit status is the one test', () => {
    const ok = assessRun({
      command: 'true',
      block: parseRunBlock(consoleLines(console(''))),
      ending: exited,
      parse: neverParsed,
    });
    assert.deepEqual([ok.result, ok.format, ok.tests], [{ id: 'true', status: 'pass' }, null, []]);
    const bad = assessRun({
      command: 'false',
      block: parseRunBlock(consoleLines(console('no tap here', 1))),
      ending: exited,
      parse: () => null,
    });
    assert.deepEqual(bad.result, { id: 'false', status: 'fail', detail: 'exit status 1' });
  });

  it('results that ended early fail the command even with exit status 0', () => {
    const run = assessRun({
      command: 't',
      block: parseRunBlock(consoleLines(console('x'))),
      ending: exited,
      parse: () => ({ ...parsed, endedEarly: 'plan 1..5 but 2 results' }),
    });
    assert.deepEqual(run.result, {
      id: 't',
      status: 'fail',
      detail: 'its ktap output ended early: plan 1..5 but 2 results',
    });
  });

  const unfinished: [string, string, QemuEnding, boolean, string, string][] = [
    [
      'hung until the timeout',
      'timeout',
      killed,
      true,
      'timeout',
      'the command had not finished when QEMU was killed after the 60 s timeout',
    ],
    [
      'killed before it started',
      'timeout',
      killed,
      false,
      'timeout',
      'QEMU was killed after the 60 s timeout before the command started',
    ],
    [
      'the guest died under it',
      'panic',
      exited,
      true,
      'fail',
      'the guest stopped while the command ran (see the host checks)',
    ],
    ['never started', 'no init', exited, false, 'fail', 'the command never started (see the host checks)'],
  ];
  for (const [name, , ending, started, status, detail] of unfinished) {
    it(`${name}: ${status}, no tests`, () => {
      const run = assessRun({
        command: 't',
        block: parseRunBlock(consoleLines(console(null, 0, started))),
        ending,
        parse: neverParsed,
      });
      assert.deepEqual(run.result, { id: 't', status, detail });
      assert.deepEqual(run.tests, []);
    });
  }
});
