/**
 * Issue 12 on real data: `kgap status` for Debian's 6.1.170 with its own config and Kbuild tree, in every
 * ecosystem format. Each document passes its official validator, states the same affected / not-affected counts
 * as `--format json` of the same run, and is byte-identical on a second run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { assertOneLineUsageError } from './helpers/assert-user-error.js';
import { realCliEnv } from './helpers/real-cli-env.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { runCli } from './helpers/run-cli.js';
import { checkCsaf, checkCyclonedx, checkOpenvex, checkSarif } from './helpers/schema-validators.js';
import { countsOf, countsOfJson } from './helpers/vex-counts.js';

const real = await realIndex();
const shared = sharedDataDir();
const skip = real === null || shared === null ? REAL_DATA_SKIP_REASON : false;
const env = realCliEnv(real, shared);
const config = shared ? join(shared, 'configs', 'debian-6.1.170-3-amd64.config') : '';
const source = shared ? join(shared, 'source', 'linux-6.1.170-kbuild.tar.xz') : '';
const scratch = mkdtempSync(join(tmpdir(), 'kgap-formats-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const FORMATS = ['openvex', 'cyclonedx', 'csaf', 'sarif', 'github', 'gitlab', 'html'] as const;
const status = (format: string, extra: string[] = [], more: Record<string, string> = {}) =>
  runCli(['status', '--version', '6.1.170', '--config', config, '--source', source, '--format', format, ...extra], {
    ...env,
    ...more,
  });

const out: Record<string, string> = {};
let json: ReturnType<typeof JSON.parse>;
before(() => {
  if (skip) return;
  const j = status('json');
  assert.equal(j.code, 0, j.stderr);
  json = JSON.parse(j.stdout);
  for (const f of FORMATS) {
    const r = status(f, [], { GITHUB_STEP_SUMMARY: join(scratch, `summary-${f}.md`) });
    assert.equal(r.code, 0, `${f}: ${r.stderr}`);
    out[f] = r.stdout;
  }
});

describe('status formats on Debian 6.1.170 with its config and Kbuild tree', () => {
  it('the JSON run is the reference: findings split by relevance', { skip }, () => {
    const c = countsOfJson(json);
    assert.equal(c.affected + c.notAffected, json.summary.affected);
    assert.equal(c.notAffected, json.summary.relevance.notBuilt);
    assert.ok(c.affected > 1500 && c.notAffected > 400, JSON.stringify(c));
  });

  for (const format of FORMATS) {
    it(`${format}: affected and not-affected counts equal --format json's`, { skip }, () => {
      assert.deepEqual(countsOf(format, out[format] ?? ''), countsOfJson(json));
    });
  }

  it('CycloneDX validates against the official 1.6 schema; the kernel is metadata.component', { skip }, () => {
    const doc = JSON.parse(out.cyclonedx ?? '');
    assert.equal(checkCyclonedx(doc), null);
    assert.equal(doc.specVersion, '1.6');
    const c = doc.metadata.component;
    assert.deepEqual([c.name, c.version, c.purl], ['linux', '6.1.170', 'pkg:generic/linux@6.1.170']);
    assert.equal(c.cpe, 'cpe:2.3:o:linux:linux_kernel:6.1.170:*:*:*:*:*:*:*');
    const na = doc.vulnerabilities.find((v: { analysis: { state: string } }) => v.analysis.state === 'not_affected');
    assert.equal(na.analysis.justification, 'code_not_present');
    assert.match(na.analysis.detail, /\S/);
    // CVE-2025-21629 touches net/core/dev.c, built in: exploitable, update to the fixing release.
    const v = doc.vulnerabilities.find((x: { id: string }) => x.id === 'CVE-2026-63795');
    assert.equal(v.analysis.state, 'exploitable');
    assert.deepEqual(v.analysis.response, ['update']);
    assert.match(v.recommendation, /^Update to Linux 6\.1\.177 or later/);
    assert.equal(v.ratings[0].method, 'CVSSv31');
    assert.equal(v.affects[0].ref, c['bom-ref']);
  });

  it('CSAF passes the validator library schema test and every mandatory test', { skip }, async () => {
    const doc = JSON.parse(out.csaf ?? '');
    assert.equal(await checkCsaf(doc), null);
    assert.equal(doc.document.category, 'csaf_vex');
    for (const v of doc.vulnerabilities) {
      if (v.product_status.known_affected) assert.ok(v.remediations?.length, v.cve);
      if (v.product_status.known_not_affected) assert.equal(v.flags[0].label, 'vulnerable_code_not_present');
    }
  });

  it(
    'the CSAF check can fail: an affected CVE without a remediation breaks mandatory test 6.1.27.10',
    {
      skip,
    },
    async () => {
      const doc = JSON.parse(out.csaf ?? '');
      const v = doc.vulnerabilities.find((x: { product_status: object }) => 'known_affected' in x.product_status);
      delete v.remediations;
      assert.match((await checkCsaf(doc)) ?? '', /6_1_27_10/);
    },
  );

  it('OpenVEX validates against its schema; no action names an unreleased release', { skip }, () => {
    const doc = JSON.parse(out.openvex ?? '');
    assert.equal(checkOpenvex(doc), null);
    const latest = json.branch.latest;
    const [, , latestSub] = latest.split('.').map(Number);
    for (const s of doc.statements) {
      const named = /Update to Linux 6\.1\.(\d+)/.exec(s.action_statement ?? '');
      if (named) assert.ok(Number(named[1]) <= latestSub, s.action_statement);
    }
    const noFix = doc.statements.find((s: { action_statement?: string }) =>
      s.action_statement?.startsWith('No release on the 6.1 branch fixes it'),
    );
    assert.match(noFix.action_statement, /backport the fix or move to a newer branch/);
  });

  it(
    'release data older than the record: a fix in an unreleased 6.1.183 is never offered as an update',
    {
      skip,
    },
    () => {
      // The release data as it stood before 6.1.179: CVE-2026-74475's record names 6.1.183 as the branch fix.
      const all = JSON.parse(readFileSync(env.KGAP_RELEASES ?? '', 'utf8'));
      const kept = Object.entries(all.versions).filter(([name]) => {
        const m = /^6\.1\.(\d+)$/.exec(name);
        return !m || Number(m[1]) <= 178;
      });
      const older = join(scratch, 'releases-to-6.1.178.json');
      writeFileSync(older, JSON.stringify({ versions: Object.fromEntries(kept) }));
      const r = runCli(['status', '--version', '6.1.170', '--format', 'openvex'], { ...env, KGAP_RELEASES: older });
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.stdout);
      assert.equal(checkOpenvex(doc), null);
      const s = doc.statements.find(
        (x: { vulnerability: { name: string } }) => x.vulnerability.name === 'CVE-2026-74475',
      );
      assert.match(
        s.action_statement,
        /^The CVE record names 6\.1\.183 .*not released yet \(latest known: 6\.1\.178\)/,
      );
      for (const x of doc.statements) assert.doesNotMatch(x.action_statement ?? '', /Update to Linux 6\.1\.(179|18\d)/);
    },
  );

  it('SARIF validates against the 2.1.0 schema; rules are CVE ids, results point at the config', { skip }, () => {
    const doc = JSON.parse(out.sarif ?? '');
    assert.equal(checkSarif(doc), null);
    const run = doc.runs[0];
    const r = run.results.find((x: { ruleId: string }) => x.ruleId === 'CVE-2026-63795');
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, 'CVE-2026-63795');
    assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, `file://${config}`);
    assert.deepEqual(r.partialFingerprints, { 'kgapFinding/v1': 'CVE-2026-63795:linux-6.1' });
    assert.equal(run.tool.driver.rules[r.ruleIndex].properties['security-severity'], '10.0');
  });

  it('github: at most 10 annotations; the full list goes to $GITHUB_STEP_SUMMARY as Markdown', { skip }, () => {
    const lines = (out.github ?? '').trim().split('\n');
    const annotations = lines.filter((l) => /^::(error|warning) /.test(l));
    assert.equal(annotations.length, 10);
    assert.equal(lines.length, 11);
    const summary = readFileSync(join(scratch, 'summary-github.md'), 'utf8');
    const rows = summary.split('\n').filter((l) => /^\| CVE-\d{4}-\d+ \|/.test(l));
    assert.equal(rows.length, json.affected.length);
  });

  it('html: one self-contained file (no external URL but the CVE links)', { skip }, () => {
    const page = out.html ?? '';
    assert.doesNotMatch(page, /<(script|link|img)[^>]+(src|href)=/);
    assert.match(page, /<svg[^>]*>\n<title>Affected CVEs by fixing release/);
    assert.match(page, /<svg[^>]*>\n<title>Affected CVEs by CVSS severity/);
  });

  it('byte-identical on a second run, in every format', { skip }, () => {
    for (const format of FORMATS) {
      const again = status(format, [], { GITHUB_STEP_SUMMARY: join(scratch, 'again.md') });
      assert.equal(again.stdout, out[format], format);
    }
  });

  it('SOURCE_DATE_EPOCH sets the documents time; without it the data snapshot does', { skip }, () => {
    const cdx = JSON.parse(status('cyclonedx', [], { SOURCE_DATE_EPOCH: '1767225600' }).stdout);
    assert.equal(cdx.metadata.timestamp, '2026-01-01T00:00:00.000Z');
    const csaf = JSON.parse(out.csaf ?? '');
    assert.equal(csaf.document.tracking.current_release_date, new Date(json.snapshot.vulnsCommitDate).toISOString());
  });

  it('--output writes the file atomically and nothing to stdout', { skip }, () => {
    const file = join(scratch, 'vex.cdx.json');
    const r = status('cyclonedx', ['--output', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(file, 'utf8'), out.cyclonedx);
  });

  it('bad input: unknown format, unwritable output, bad SOURCE_DATE_EPOCH: one line, exit 2', { skip }, () => {
    assertOneLineUsageError(status('spdx'), /argument 'spdx' is invalid\. Allowed choices are .*cyclonedx, csaf/);
    // A directory nobody may write: /proc refuses even root.
    assertOneLineUsageError(
      status('csaf', ['--output', '/proc/kgap-vex.json']),
      /cannot write --output .*ENOENT|EACCES/,
    );
    assertOneLineUsageError(
      status('csaf', ['--output', join(scratch, 'no-such-dir', 'vex.json')]),
      /is not a directory/,
    );
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    assertOneLineUsageError(status('openvex', ['--output', join(file, 'below')]), /cannot write --output/);
    assertOneLineUsageError(status('openvex', [], { SOURCE_DATE_EPOCH: 'yesterday' }), /SOURCE_DATE_EPOCH must be/);
  });
});
