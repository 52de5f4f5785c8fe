/** The fleet's webhooks: add, remove, list; and posting what is pending (`kgap fleet notify`). */
import { WEBHOOK_FORMATS, type Webhook, type WebhookFormat } from '../../domain/fleet-event.js';
import type { FleetStore } from '../../domain/fleet-store.js';
import { InvalidInput } from '../../domain/invalid-input.js';

/** Adds a webhook; the URL must be http(s). */
export async function runWebhookAdd(input: {
  readonly store: FleetStore;
  readonly url: string;
  readonly format: string;
  readonly addedAt: string;
}): Promise<Webhook> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new InvalidInput('url', `${JSON.stringify(input.url)} is not an http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidInput('url', `${JSON.stringify(input.url)} is not an http(s) URL`);
  if (!(WEBHOOK_FORMATS as readonly string[]).includes(input.format))
    throw new InvalidInput('format', `takes one of ${WEBHOOK_FORMATS.join(', ')}, not ${JSON.stringify(input.format)}`);
  return input.store.addWebhook(url.toString(), input.format as WebhookFormat, input.addedAt);
}

/** Removes a webhook by id (its deliveries go with it). */
export async function runWebhookRemove(input: { readonly store: FleetStore; readonly id: number }): Promise<void> {
  if (!(await input.store.removeWebhook(input.id)))
    throw new InvalidInput('id', `${input.id} is not a webhook of the fleet (see kgap fleet webhook list)`);
}
