/**
 * `kgap gate --format kcidb` on the fixture scenario (test/fixtures/results/gate), validated against KernelCI's
 * published KCIDB I/O schema v5.3 with ajv, and read back for what it must say.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { kcidbErrors, kcidbSample } from './helpers/kcidb-schema.js';
import { runCli } from './helpers/run-cli.js';

const GATE = fileURLToPath(new URL('../../test/fixtures/results/gate/', import.meta.url));
const args = ['gate', '--baseline', `${GATE}baseline`, '--candidate', `${GATE}candidate`, '--format', 'kcidb'];
const known = ['--known-issues', `${GATE}known-issues.json`, '--as-of', '2026-11-28'];

type Kcidb = {
  version: { major: number; minor: number };
  checkouts: { id: string }[];
  builds: { id: string; checkout_id: string }[];
  tests: {
    id: string;
    build_id: string;
    path: string;
    status: string;
    log_excerpt?: string;
    misc?: Record<string, unknown>;
  }[];
  issues: { id: string; comment: string }[];
  incidents: { issue_id: string; test_id?: string; build_id?: string }[];
};

describe('kgap gate --format kcidb', () => {
  const r = runCli([...args, ...known]);
  const doc = JSON.parse(r.stdout) as Kcidb;

  it("the validator accepts KernelCI's own comprehensive sample and refuses a broken copy of it", () => {
    assert.deepEqual(kcidbErrors(kcidbSample()), []);
    const broken = structuredClone(kcidbSample()) as Kcidb;
    (broken.tests[0] as { status: string }).status = 'OK';
    assert.match(kcidbErrors(broken).join('\n'), /\/tests\/0\/status: must be equal to one of the allowed values/);
  });

  it('is valid KCIDB v5.3, exit code still the verdict (no-go: 1)', () => {
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(kcidbErrors(doc), []);
    assert.deepEqual(doc.version, { major: 5, minor: 3 });
  });

  it('one checkout and build per side; the gate is a FAIL test of the candidate build with its reasons', () => {
    assert.equal(doc.checkouts.length, 2);
    assert.deepEqual(
      doc.builds.map((b) => b.id.split('-')[0]),
      ['kgap:baseline', 'kgap:candidate'],
    );
    const gate = doc.tests.find((t) => t.path === 'kgap_gate');
    assert.equal(gate?.build_id, doc.builds[1]?.id);
    assert.equal(gate?.status, 'FAIL');
    assert.match(gate?.log_excerpt ?? '', /regression/);
  });

  it('every result is a test of its build, with the finding on the candidate side', () => {
    const regression = doc.tests.find((t) => t.misc?.finding === 'regression');
    assert.ok(regression, 'a regression is marked');
    assert.equal(regression.build_id, doc.builds[1]?.id);
    assert.match(regression.path, /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/);
    assert.equal(new Set(doc.tests.map((t) => t.id)).size, doc.tests.length, 'ids are unique');
  });

  it('the new crash and the excused failure are issues with incidents on the candidate', () => {
    assert.ok(
      doc.issues.some((i) => i.comment.startsWith('kasan: ')),
      JSON.stringify(doc.issues),
    );
    assert.ok(
      doc.issues.some((i) => /madvise06|swap cache/.test(i.comment)),
      JSON.stringify(doc.issues),
    );
    const ids = new Set(doc.issues.map((i) => i.id));
    assert.ok(doc.incidents.length >= 2 && doc.incidents.every((i) => ids.has(i.issue_id)));
  });

  it('is byte-stable', () => assert.equal(runCli([...args, ...known]).stdout, r.stdout));
});
