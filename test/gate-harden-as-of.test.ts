/**
 * `gate` and `harden` refuse an impossible `--as-of` day exactly as every other command refuses a bad day: exit 2,
 * one line naming the flag, nothing on stdout. 2024-02-30 is the case `Date.parse` lets through (it rolls over
 * into March), which both commands used to accept.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers/run-cli.js';

const GATE = fileURLToPath(new URL('../../test/fixtures/results/gate', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kgap-as-of-'));
after(() => rmSync(work, { recursive: true, force: true }));
const config = join(work, 'tiny.config');
writeFileSync(config, '# Linux/x86 6.1.1 Kernel Configuration\nCONFIG_X86_64=y\n');

const MESSAGE = 'kgap: --as-of takes a day as YYYY-MM-DD (e.g. 2024-02-13), not "2024-02-30"\n';

describe('--as-of 2024-02-30 is refused the same way by gate and harden', () => {
  const cases: [string, string[]][] = [
    ['gate', ['gate', '--baseline', join(GATE, 'baseline'), '--candidate', join(GATE, 'candidate')]],
    // Refused before any boot: the kernels do not even exist.
    ['gate (booting kernels)', ['gate', '--baseline-kernel', join(work, 'a'), '--candidate-kernel', join(work, 'b')]],
    ['harden', ['harden', '--config', config]],
  ];
  for (const [name, args] of cases) {
    it(name, () => {
      const r = runCli([...args, '--as-of', '2024-02-30']);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.equal(r.stderr, MESSAGE);
      assert.equal(r.stdout, '');
    });
  }
  it('a real day passes the same check (2024-02-29, a leap day)', () => {
    const r = runCli(['harden', '--config', config, '--as-of', '2024-02-29', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
  });
});
