/** The fleet's renderers, one table per report; every report has the same formats. */
import { formatNames } from '../format-names.js';
import { fleetCveRenderers } from './render-fleet-cve.js';
import { fleetGatesRenderers } from './render-fleet-gates.js';
import { fleetListRenderers } from './render-fleet-list.js';
import { fleetPlanRenderers, fleetStoredPlanRenderers } from './render-fleet-plan.js';
import { fleetEnqueueRenderers, fleetProductRenderers, fleetScanRenderers } from './render-fleet-scan.js';
import { fleetHistoryRenderers, fleetShowRenderers } from './render-fleet-show.js';
import { fleetDeliveryRenderers, fleetWebhookRenderers } from './render-fleet-webhooks.js';

export const fleetFormats = {
  list: fleetListRenderers,
  show: fleetShowRenderers,
  history: fleetHistoryRenderers,
  scan: fleetScanRenderers,
  enqueue: fleetEnqueueRenderers,
  product: fleetProductRenderers,
  cve: fleetCveRenderers,
  plan: fleetPlanRenderers,
  storedPlan: fleetStoredPlanRenderers,
  gates: fleetGatesRenderers,
  webhooks: fleetWebhookRenderers,
  deliveries: fleetDeliveryRenderers,
};

export type FleetFormat = keyof typeof fleetListRenderers;
export const FLEET_FORMATS = formatNames(fleetListRenderers);
export type { ShownProduct } from './render-fleet-show.js';
