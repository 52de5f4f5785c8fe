import type { Delivery, Webhook } from '../../domain/fleet-event.js';
import { dash } from './fleet-cells.js';
import { tabularRenderers } from './tabular-report.js';

/** `kgap fleet webhook list|add|remove`: the fleet's webhooks. */
export const fleetWebhookRenderers = tabularRenderers<readonly Webhook[]>({
  lead: (w) => [`Webhooks: ${w.length}`],
  header: ['ID', 'FORMAT', 'URL', 'ADDED'],
  rows: (w) => w.map((h) => [String(h.id), h.format, h.url, h.addedAt.slice(0, 10)]),
  json: (w) => ({ webhooks: w }),
});

/** `kgap fleet deliveries`: the record of notifications, newest first. */
export const fleetDeliveryRenderers = tabularRenderers<readonly Delivery[]>({
  lead: (d) => [`Deliveries: ${d.length}`],
  header: ['ID', 'SCAN', 'EVENT', 'STATUS', 'ATTEMPTS', 'URL', 'LAST ERROR', 'DELIVERED AT'],
  rows: (d) =>
    d.map((x) => [
      String(x.id),
      dash(x.scanId),
      x.event,
      x.status,
      String(x.attempts),
      x.url,
      dash(x.lastError),
      dash(x.deliveredAt),
    ]),
  json: (d) => ({ deliveries: d.map((x) => ({ ...x, payload: JSON.parse(x.payload) })) }),
});
