import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hardeningChecks } from './checks/index.js';
import { nearestIds, policyProblems, selectChecks, waiversOf } from './policy.js';

describe('hardening policy', () => {
  it('selects by profile, source and type, and excludes by id', () => {
    const picked = selectChecks(hardeningChecks, {
      profiles: ['baseline'],
      types: ['kconfig'],
      exclude: ['CONFIG_BUG'],
    });
    assert.ok(picked.length > 20);
    assert.ok(picked.every((c) => c.profile === 'baseline' && c.type === 'kconfig' && c.id !== 'CONFIG_BUG'));
    const kspp = selectChecks(hardeningChecks, { sources: ['kspp'] });
    assert.ok(kspp.every((c) => c.sources.includes('kspp')));
    assert.equal(selectChecks(hardeningChecks, null).length, hardeningChecks.length);
  });

  it('an override replaces the rule and its alternatives', () => {
    const [check] = selectChecks(hardeningChecks, {
      overrides: [{ check: 'CONFIG_MODULE_SIG_FORCE', expect: 'is not set' }],
    }).filter((c) => c.id === 'CONFIG_MODULE_SIG_FORCE');
    assert.deepEqual(check?.rule, { op: 'not-set' });
    assert.equal(check?.orElse, undefined);
  });

  it('names unknown ids with the nearest existing ones, and bad rules', () => {
    assert.deepEqual(nearestIds('kernel.kptr_restric', hardeningChecks)[0], 'kernel.kptr_restrict');
    const problems = policyProblems(
      { exclude: ['CONFIG_SLAB_FREELIST_HARDEN'], overrides: [{ check: 'CONFIG_BUG', expect: 'maybe later' }] },
      hardeningChecks,
    );
    assert.equal(problems.length, 2);
    assert.match(
      problems[0] ?? '',
      /unknown check id "CONFIG_SLAB_FREELIST_HARDEN" \(did you mean CONFIG_SLAB_FREELIST_HARDENED/,
    );
    assert.match(problems[1] ?? '', /"maybe later" for CONFIG_BUG is not a rule/);
  });

  it('indexes waivers by check id', () => {
    const w = waiversOf({ waivers: [{ check: 'CONFIG_BUG', reason: 'r', owner: 'o', expires: '2027-01-01' }] });
    assert.deepEqual(w.get('CONFIG_BUG'), { reason: 'r', owner: 'o', expires: '2027-01-01' });
  });
});
