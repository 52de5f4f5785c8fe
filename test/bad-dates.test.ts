/**
 * Every command that takes a day refuses an impossible one the same way: exit 2 and one line naming the flag,
 * before any data is read (the vulns location given here does not exist, so reading it would fail differently).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from './helpers/run-cli.js';

const cache = mkdtempSync(join(tmpdir(), 'kgap-bad-dates-'));
const env = {
  KGAP_CACHE_DIR: cache,
  KGAP_VULNS_REPO: join(cache, 'absent'),
  KGAP_RELEASES: join(cache, 'absent.json'),
};
const BAD = '2024-02-30';

const CASES: [string, readonly string[]][] = [
  ['--since', ['lag', '--since', BAD]],
  ['--as-of', ['exposure', '--branch', '6.1', '--as-of', BAD]],
  ['--from', ['simulate', '--start', '6.1.100', '--from', BAD]],
  ['--to', ['simulate', '--start', '6.1.100', '--to', BAD]],
  ['--as-of', ['gate', '--baseline', cache, '--candidate', cache, '--as-of', BAD]],
  ['--as-of', ['harden', '--config', cache, '--as-of', BAD]],
];

describe('bad dates: one refusal for every command', () => {
  for (const [flag, args] of CASES) {
    it(`${args[0]} ${flag} ${BAD}`, () => {
      const r = runCli(args, env);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr, `kgap: ${flag} takes a day as YYYY-MM-DD (e.g. 2024-02-13), not "${BAD}"\n`);
      assert.equal(r.stdout, '');
    });
  }
});
