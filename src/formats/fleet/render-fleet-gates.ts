/** `kgap fleet gates NAME` and `GET /api/v1/products/{name}/gates`: a product's recorded gate runs, newest first. */
import { earlierGateOf } from '../../domain/fleet-gate.js';
import type { ProductGates } from '../../domain/fleet-view.js';
import { gateCountsText } from '../plan/earlier-gates.js';
import { tabularRenderers } from './tabular-report.js';

export const fleetGatesRenderers = tabularRenderers<ProductGates>({
  lead: (r) => [`Product ${r.product}: ${r.gates.length} gate run${r.gates.length === 1 ? '' : 's'}, newest first`],
  header: ['ID', 'RECORDED', 'VERDICT', 'BASELINE', 'CANDIDATE', 'COUNTS', 'FIRST REASON'],
  rows: (r) =>
    r.gates.map((g) => [
      String(g.id),
      g.recordedAt,
      g.verdict,
      g.baseline,
      g.candidate,
      gateCountsText(g.counts),
      g.reasons[0] ?? '',
    ]),
  json: (r) => ({ product: r.product, gates: r.gates.map(earlierGateOf) }),
});
