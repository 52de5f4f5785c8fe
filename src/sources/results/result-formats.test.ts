import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectResultFormat } from './result-formats.js';
import { resultsFileRole } from './results-file-role.js';

const FIXTURES = new URL('../../../../test/fixtures/results/formats/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('detectResultFormat', () => {
  const cases: [string, string | null][] = [
    ['kunit-console.log', 'ktap'],
    ['kunit-tab-5.5.ktap', 'ktap'],
    ['kselftest-net.tap', 'ktap'],
    ['tap14-subtests.tap', 'ktap'],
    ['runltp-results.log', 'ltp-results'],
    ['ltp-pan-output.log', 'ltp-output'],
    ['kirk-results.json', 'kirk-json'],
    ['junit-surefire.xml', 'junit'],
    ['junit-gtest.xml', 'junit'],
    ['console-crashes.log', null],
  ];
  for (const [file, want] of cases)
    it(`${file} -> ${want}`, () => assert.equal(detectResultFormat(fixture(file)), want));
  it('KUnit output deep in a long boot log is still found', () => {
    const noise = '[    0.100000] some driver: probing device\n'.repeat(5000);
    assert.equal(detectResultFormat(`${noise}${fixture('kunit-console.log')}`), 'ktap');
  });
});

describe('resultsFileRole', () => {
  const cases: [string, string][] = [
    ['console.log', 'console'],
    ['run1/dmesg.txt', 'console'],
    ['serial0.log', 'console'],
    ['boot.dmesg', 'console'],
    ['boot.ktap', 'results'],
    ['ltp/results.log', 'results'],
    ['.hidden/console.log', 'skip'],
  ];
  for (const [path, want] of cases) it(`${path} -> ${want}`, () => assert.equal(resultsFileRole(path), want));
});
