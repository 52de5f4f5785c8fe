import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ResultRun } from '../../domain/test-result.js';
import { parseJunit } from './parse-junit.js';
import { decodeXmlEntities, readXmlEvents, type XmlEvent } from './xml-events.js';

const FIXTURES = new URL('../../../../test/fixtures/results/formats/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const summary = (run: ResultRun): string[] => run.tests.map((t) => `${t.id} ${t.status}`);

describe('parseJunit', () => {
  it('surefire/pytest style: outcome from <failure>, <error>, <skipped>', () => {
    const run = parseJunit(fixture('junit-surefire.xml'), { source: 'j' });
    assert.deepEqual(summary(run), [
      'boot/login_prompt pass',
      'boot/boot.network/dhcp_lease fail',
      'boot/boot.storage/fstrim error',
      'boot/boot.storage/nvme_smart skip',
      'boot/dmesg_clean "quoted" pass',
    ]);
    assert.equal(run.tests[1]?.detail, 'no lease after 30 s & link <down>');
    assert.equal(run.endedEarly, null);
  });
  it('GoogleTest style: status="run" is ignored, the <failure> child decides; notrun is a skip', () => {
    const run = parseJunit(fixture('junit-gtest.xml'), { source: 'g' });
    assert.deepEqual(summary(run), [
      'IoctlTest/GetVersion pass',
      'IoctlTest/SetMode fail',
      'IoctlTest/DISABLED_Legacy skip',
    ]);
    assert.match(run.tests[1]?.detail ?? '', /^ioctl_test\.cc:42\nExpected equality/);
  });
  it('a truncated report ended early and drops the testcase it cut off', () => {
    const run = parseJunit(fixture('junit-truncated.xml'), { source: 't' });
    assert.deepEqual(summary(run), ['stress/fork_bomb_guard pass']);
    assert.match(run.endedEarly ?? '', /truncated/);
    assert.deepEqual(run.problems, ['testcase stress/oom_kill is incomplete']);
  });
  it('nested testsuites contribute each name; the worst child wins', () => {
    const xml =
      '<testsuites><testsuite name="a"><testsuite name="b"><testcase name="t"><skipped/><error message="boom"/></testcase></testsuite></testsuite></testsuites>';
    assert.deepEqual(summary(parseJunit(xml, { source: 'x' })), ['a/b/t error']);
  });
});

describe('readXmlEvents', () => {
  it('reads tags with > in attribute values, CDATA, comments and entities', () => {
    const events: XmlEvent[] = [];
    readXmlEvents('<?xml version="1.0"?><!-- c --><a x="1 > 0" y=\'&lt;\'>t&amp;<![CDATA[<raw>]]></a>', (e) =>
      events.push(e),
    );
    assert.deepEqual(
      events.map((e) =>
        e.kind === 'open'
          ? `open ${e.name} ${e.attrs.entries().join(';')}`
          : e.kind === 'close'
            ? `close ${e.name}`
            : `text ${e.text}`,
      ),
      ['open a x,1 > 0;y,<', 'text t&', 'text <raw>', 'close a'],
    );
  });
  it('decodes numeric references and leaves unknown entities', () => {
    assert.equal(decodeXmlEntities('&#65;&#x42;&nbsp;&#0;'), 'AB&nbsp;&#0;');
  });
});

describe('parseJunit on deep nesting', () => {
  const nested = (n: number) =>
    `<testsuites>${'<testsuite name="s">'.repeat(n)}<testcase name="t"/>${'</testsuite>'.repeat(n)}</testsuites>`;
  it('names a test by its suites up to maxDepth, then says the rest was left out', () => {
    const run = parseJunit(nested(5), { source: 'x', maxDepth: 3 });
    assert.deepEqual(summary(run), ['s/s/s/t pass']);
    assert.deepEqual(run.problems, [
      '<testsuite> nested deeper than 3 levels: deeper suite names are left out of test ids',
    ]);
    assert.deepEqual(parseJunit(nested(3), { source: 'x', maxDepth: 3 }).problems, []);
  });
  it('is linear: 8x the nesting costs about 8x the time, not 64x', () => {
    const time = (n: number) => {
      const xml = nested(n);
      const t = performance.now();
      parseJunit(xml, { source: 'x' });
      return performance.now() - t;
    };
    time(20_000); // warm up
    const small = Math.max(time(20_000), 1);
    const large = time(160_000);
    assert.ok(large < small * 24, `${Math.round(small)} ms for 20,000 levels, ${Math.round(large)} ms for 160,000`);
  });
});
