import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InvalidInput } from '../../domain/invalid-input.js';
import { type HardenInput, runHarden } from './run-harden.js';

const work = mkdtempSync(join(tmpdir(), 'kgap-run-harden-'));
after(() => rmSync(work, { recursive: true, force: true }));
const config = join(work, 'x86.config');
writeFileSync(config, '# Linux/x86 6.1.1 Kernel Configuration\nCONFIG_X86_64=y\nCONFIG_INIT_STACK_ALL_ZERO=y\n');
const base: HardenInput = { kernel: { configs: [config] }, releases: null, asOf: '2026-01-01' };

describe('runHarden (library use)', () => {
  it('reports one kernel; without release data the upgrade gain has no horizon', async () => {
    const result = await runHarden(base);
    assert.equal(result.kind, 'reports');
    if (result.kind !== 'reports') return;
    assert.equal(result.reports.length, 1);
    assert.equal(result.reports[0]?.kernelVersion, '6.1.1');
    assert.equal(result.reports[0]?.latestRelease, null);
    assert.equal(result.blocking, true, 'a bare config fails checks');
    assert.deepEqual(result.warnings, []);
  });
  it('compares with a candidate', async () => {
    const result = await runHarden({ ...base, against: config });
    assert.equal(result.kind, 'diff');
    if (result.kind === 'diff') assert.equal(result.diff.counts.regress, 0);
  });
  const bad: [string, Partial<HardenInput>][] = [
    ['asOf', { asOf: '2024-02-30' }],
    ['arch', { arch: 'sparc' }],
    ['kernelVersion', { kernelVersion: 'latest' }],
    ['against', { kernel: { configs: [config, config] }, against: config }],
    ['policy', { policy: join(work, 'nope.json') }],
    ['configs', { kernel: { configs: [] } }],
  ];
  for (const [field, input] of bad) {
    it(`bad ${field}: InvalidInput naming the field, not a flag`, async () => {
      await assert.rejects(runHarden({ ...base, ...input }), (error) => {
        assert.ok(error instanceof InvalidInput, String(error));
        assert.equal(error.field, field);
        assert.doesNotMatch(error.message, /--/);
        return true;
      });
    });
  }
});
