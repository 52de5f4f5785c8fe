/**
 * `kgap vex diff` on a real pair of publications: Debian-agnostic version mode for 6.1.170 and 6.1.183 (real
 * vulns data), in every combination of OpenVEX, CycloneDX and CSAF. The reference is set arithmetic on the two
 * `--format json` runs: what 6.1.183 carries and 6.1.170 did not is newly affected, and the reverse newly fixed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { assertOneLineUsageError } from './helpers/assert-user-error.js';
import { realCliEnv } from './helpers/real-cli-env.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';

const real = await realIndex();
const shared = sharedDataDir();
const skip = real === null || shared === null ? REAL_DATA_SKIP_REASON : false;
const env = realCliEnv(real, shared);
const scratch = mkdtempSync(join(tmpdir(), 'kgap-vexdiff-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const VERSIONS = ['6.1.170', '6.1.183'] as const;
const FORMATS = ['openvex', 'cyclonedx', 'csaf'] as const;
const file = (v: string, f: string) => join(scratch, `${v}.${f}.json`);
const ids: Record<string, Set<string>> = {};

before(() => {
  if (skip) return;
  for (const v of VERSIONS) {
    const j = runCli(['status', '--version', v, '--format', 'json'], env);
    assert.equal(j.code, 0, j.stderr);
    ids[v] = new Set(JSON.parse(j.stdout).affected.map((f: { id: string }) => f.id));
    for (const f of FORMATS) {
      const r = runCli(['status', '--version', v, '--format', f, '--output', file(v, f)], env);
      assert.equal(r.code, 0, r.stderr);
    }
  }
});

const diff = (a: string, b: string, extra: string[] = []) => runCli(['vex', 'diff', a, b, ...extra], env);
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

describe('kgap vex diff on 6.1.170 -> 6.1.183', () => {
  for (const from of FORMATS)
    for (const to of FORMATS) {
      it(`${from} -> ${to}: newly affected and newly fixed equal the JSON set differences`, { skip }, () => {
        const r = diff(file('6.1.170', from), file('6.1.183', to), ['--format', 'json']);
        assert.equal(r.code, 0, r.stderr);
        const doc = JSON.parse(r.stdout);
        const of = (kind: string) =>
          doc.changes
            .filter((c: { kind: string }) => c.kind === kind)
            .map((c: { id: string }) => c.id)
            .sort();
        const old = ids['6.1.170'] ?? new Set<string>();
        const now = ids['6.1.183'] ?? new Set<string>();
        assert.deepEqual(of('newly-affected'), minus(now, old));
        assert.deepEqual(of('newly-fixed'), minus(old, now));
        // Version mode lists affected CVEs only: nothing else can change.
        assert.equal(doc.counts['justification-changed'] + doc.counts['status-changed'], 0);
        assert.equal(doc.unchanged, [...old].filter((x) => now.has(x)).length);
        assert.ok(doc.counts['newly-fixed'] > 1000, `${doc.counts['newly-fixed']} fixed by 6.1.183`);
      });
    }

  it('table and Markdown say the same counts; --fail-on newly-affected gates', { skip }, () => {
    const table = diff(file('6.1.170', 'openvex'), file('6.1.183', 'csaf'));
    assert.equal(table.code, 0, table.stderr);
    const newlyAffected = minus(ids['6.1.183'] ?? new Set(), ids['6.1.170'] ?? new Set()).length;
    assert.match(table.stdout, new RegExp(`newly-affected ${newlyAffected}, newly-fixed \\d+`));
    const md = diff(file('6.1.170', 'cyclonedx'), file('6.1.183', 'cyclonedx'), ['--format', 'markdown']);
    assert.match(md.stdout, /^# VEX diff\n/);
    const gate = diff(file('6.1.170', 'openvex'), file('6.1.183', 'openvex'), ['--fail-on', 'newly-affected']);
    assert.equal(gate.code, newlyAffected > 0 ? 1 : 0);
    const same = diff(file('6.1.183', 'csaf'), file('6.1.183', 'openvex'), ['--format', 'json']);
    assert.equal(JSON.parse(same.stdout).changes.length, 0);
  });

  it('bad input: a missing file, not JSON, not VEX: one line, exit 2', { skip }, () => {
    const notJson = join(scratch, 'x.txt');
    writeFileSync(notJson, 'hello');
    const notVex = join(scratch, 'x.json');
    writeFileSync(notVex, '{"hello": 1}');
    const badVex = join(scratch, 'bad.json');
    writeFileSync(badVex, '{"@context": "https://openvex.dev/ns/v0.2.0", "statements": [{"status": "maybe"}]}');
    const good = file('6.1.170', 'openvex');
    assertOneLineUsageError(diff(join(scratch, 'nope.json'), good), /cannot read .*nope\.json \(ENOENT\)/);
    assertOneLineUsageError(diff(good, notJson), /x\.txt is not JSON/);
    assertOneLineUsageError(diff(notVex, good), /neither OpenVEX .*CycloneDX .*nor CSAF/);
    assertOneLineUsageError(diff(good, badVex), /bad\.json is not a valid OpenVEX document \(statements\.0\./);
  });
});
