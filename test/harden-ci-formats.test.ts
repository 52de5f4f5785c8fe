/**
 * `kgap harden` in the CI formats on Debian's real configs: SARIF 2.1.0 (validated against the official schema)
 * with every result at the `.config` line that decides it, GitHub annotations and GitLab Code Quality.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { assertOneLineUsageError } from './helpers/assert-user-error.js';
import { runCli } from './helpers/run-cli.js';
import { checkSarif } from './helpers/schema-validators.js';

const shared = sharedDataDir();
const skip = shared ? false : '../shared/data absent (set KGAP_SHARED_DATA)';
const config = shared ? join(shared, 'configs', 'debian-6.1.170-3-amd64.config') : '';
const candidate = shared ? join(shared, 'configs', 'debian-6.12.117-amd64.config') : '';
const releases = shared ? join(shared, 'linux-kernel-releases.json') : '';
const scratch = mkdtempSync(join(tmpdir(), 'kgap-harden-ci-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const harden = (args: string[], env: Record<string, string> = {}) =>
  runCli(['harden', '--config', config, '--releases', releases, ...args], env);

type SarifResult = {
  ruleId: string;
  ruleIndex: number;
  kind: string;
  level: string;
  message: { text: string };
  properties: { actual: string | null };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
};

describe('harden --format sarif|github|gitlab on Debian 6.1.170', () => {
  it('SARIF: valid 2.1.0; one rule per check id; each result at the line that sets its option', { skip }, () => {
    const r = harden(['--format', 'sarif', '--show', 'all']);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(checkSarif(doc), null);
    const run = doc.runs[0];
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.equal(new Set(ids).size, ids.length);
    const json = JSON.parse(harden(['--format', 'json']).stdout);
    assert.equal(run.results.length, json.checks.length);
    const lines = readFileSync(config, 'utf8').split('\n');
    let located = 0;
    for (const res of run.results as SarifResult[]) {
      assert.equal(ids[res.ruleIndex], res.ruleId);
      const loc = res.locations[0]?.physicalLocation;
      assert.equal(loc?.artifactLocation.uri, `file://${config}`);
      const option = res.message.text.split(' ')[0] ?? '';
      if (option.startsWith('CONFIG_') && res.properties.actual !== null) {
        const line = lines[(loc?.region.startLine ?? 0) - 1] ?? '';
        assert.ok(line.startsWith(`${option}=`) || line === `# ${option} is not set`, `${option}: "${line}"`);
        located++;
      }
    }
    assert.ok(located > 150, `${located} results at their option's line`);
    const kinds = new Map<string, number>();
    for (const res of run.results as SarifResult[]) kinds.set(res.kind, (kinds.get(res.kind) ?? 0) + 1);
    const failing = json.checks.filter((c: { status: string }) => c.status === 'fail').length;
    assert.equal(kinds.get('fail'), failing);
  });

  it('SARIF default lists the failing checks; fingerprints are the check ids; rerun is identical', { skip }, () => {
    const a = harden(['--format', 'sarif']);
    const doc = JSON.parse(a.stdout);
    assert.ok(doc.runs[0].results.every((x: SarifResult) => x.kind === 'fail' && x.level === 'error'));
    assert.equal(harden(['--format', 'sarif']).stdout, a.stdout);
  });

  it('--against: regressions as failing results at the candidate config line; valid SARIF', { skip }, () => {
    const r = harden(['--against', candidate, '--format', 'sarif']);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(checkSarif(doc), null);
    const diff = JSON.parse(harden(['--against', candidate, '--format', 'json']).stdout);
    const fails = doc.runs[0].results.filter((x: SarifResult) => x.kind === 'fail');
    assert.equal(fails.length, diff.counts.regress);
    assert.equal(doc.runs[0].results.length, diff.changes.length);
  });

  it('github: at most 10 error annotations with file and line; full Markdown to the step summary', { skip }, () => {
    const summary = join(scratch, 'summary.md');
    writeFileSync(summary, '');
    const r = harden(['--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    const annotations = lines.filter((l) => l.startsWith('::error '));
    assert.equal(annotations.length, 10);
    for (const a of annotations)
      assert.match(a, /^::error file=\/[^,]+debian-6\.1\.170-3-amd64\.config,line=\d+,title=\S+::/);
    assert.match(lines.at(-1) ?? '', /^kgap harden: \d+ failing checks in 1 config/);
    assert.match(readFileSync(summary, 'utf8'), /^# Hardening\n/);
  });

  it(
    'gitlab: Code Quality issues for the failing checks, each with path, line and a unique fingerprint',
    {
      skip,
    },
    () => {
      const issues = JSON.parse(harden(['--format', 'gitlab']).stdout);
      const json = JSON.parse(harden(['--format', 'json']).stdout);
      assert.equal(issues.length, json.checks.filter((c: { status: string }) => c.status === 'fail').length);
      const prints = new Set(issues.map((i: { fingerprint: string }) => i.fingerprint));
      assert.equal(prints.size, issues.length);
      for (const i of issues) {
        assert.equal(i.location.path, config);
        assert.ok(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1);
        assert.ok(['major', 'info'].includes(i.severity));
      }
    },
  );

  it('an unwritable --output: one line, exit 2', { skip }, () => {
    assertOneLineUsageError(
      harden(['--format', 'sarif', '--output', join(scratch, 'none', 'x.sarif')]),
      /cannot write --output/,
    );
  });
});
