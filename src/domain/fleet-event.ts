/**
 * What a scan can tell the team about (docs/fleet.md, "Notifications"): the product is newly exposed to CVEs in
 * code it builds, or its branch has a newer release than the last scan saw.
 */
import type { CveSummary } from './cve.js';

/** A CVE named in a notification. */
export type EventCve = Pick<CveSummary, 'id' | 'cvss' | 'severity' | 'title'> & {
  /** `built` with a config; `no-config` when the product has none (kgap cannot rule the code out). */
  readonly relevance: 'built' | 'no-config';
};

export const FLEET_EVENT_KINDS = ['new-cves', 'new-release'] as const;
export type FleetEventKind = (typeof FLEET_EVENT_KINDS)[number];

/** One thing worth telling, about one product's scan. */
export type FleetEvent =
  | { readonly kind: 'new-cves'; readonly cves: readonly EventCve[] }
  | {
      readonly kind: 'new-release';
      readonly previousLatest: string | null;
      readonly latest: string;
      readonly latestDate: string | null;
      readonly releasesBehind: number | null;
    };

export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
/** `json`: kgap's documented payload; `slack`: a Slack-compatible `{"text": …}` message. */
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export type Webhook = {
  readonly id: number;
  readonly url: string;
  readonly format: WebhookFormat;
  readonly addedAt: string;
};

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One notification to one webhook, and what became of it. */
export type Delivery = {
  readonly id: number;
  readonly webhookId: number;
  readonly url: string;
  readonly format: WebhookFormat;
  readonly scanId: number | null;
  readonly event: FleetEventKind;
  /** The exact body posted. */
  readonly payload: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
};
