import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Product } from '../../domain/fleet-product.js';
import { planScanThreads } from './run-fleet-scan-parallel.js';

const product = (name: string, version: string, config: string | null = null): Product => ({
  id: 0,
  name,
  kernel: { kind: 'version', version },
  config,
  source: null,
  buildDir: null,
  arch: null,
  supportUntil: null,
  addedAt: '',
});

describe('planScanThreads', () => {
  it("keeps a branch's version-only products on one thread and spreads the builds", () => {
    const products = [
      ...Array.from({ length: 30 }, (_, i) => product(`a${i}`, `6.1.${i + 1}`)),
      ...Array.from({ length: 10 }, (_, i) => product(`b${i}`, `6.6.${i + 1}`)),
      ...Array.from({ length: 4 }, (_, i) => product(`c${i}`, '6.1.170', '/x/.config')),
    ];
    const plan = planScanThreads(products, 2);
    assert.equal(plan.length, 2);
    assert.deepEqual(plan.flat().sort(), products.map((p) => p.name).sort());
    for (const prefix of ['a', 'b']) assert.equal(plan.filter((t) => t.some((n) => n.startsWith(prefix))).length, 1);
    // Balanced by cost: a product with a build weighs 20 version-only products.
    const weights = plan.map((t) => t.reduce((w, n) => w + (n.startsWith('c') ? 20 : 1), 0));
    assert.ok(Math.abs((weights[0] ?? 0) - (weights[1] ?? 0)) <= 20, String(weights));
    assert.ok(
      plan.every((t) => t.some((n) => n.startsWith('c'))),
      'builds on both threads',
    );
  });
  it('one thread takes everything', () => assert.equal(planScanThreads([product('a', '6.1.1')], 1).length, 1));
});
