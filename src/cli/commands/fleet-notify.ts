import type { Command } from 'commander';
import { deliverPending } from '../../app/fleet/deliver-notifications.js';
import { runWebhookAdd, runWebhookRemove } from '../../app/fleet/run-fleet-webhooks.js';
import { WEBHOOK_FORMATS, type WebhookFormat } from '../../domain/fleet-event.js';
import { type FleetFormat, fleetFormats } from '../../formats/fleet/index.js';
import type { ActionRunner } from '../command.js';
import { EXIT } from '../errors.js';
import { choiceOption } from '../options.js';
import { parseNumberOption } from '../parse-options.js';
import { fleetSubcommand, withStore } from '../store-flags.js';

type Flags = { db?: string; format: FleetFormat };
const ok = (stdout: string) => ({ stdout, exitCode: EXIT.ok });

/** `kgap fleet webhook add|remove|list`, `kgap fleet deliveries`, `kgap fleet notify`. */
export function registerFleetNotify(fleet: Command, run: ActionRunner): void {
  const webhook = fleet.command('webhook').description('where notifications go (JSON or Slack-compatible)');
  fleetSubcommand(webhook, 'add', 'post notifications to URL')
    .argument('<url>', 'http(s) URL')
    .addOption(
      choiceOption('--payload <payload>', 'json (kgap document) or slack ({"text": …})', WEBHOOK_FORMATS, 'json'),
    )
    .action((url: string, flags: Flags & { payload: WebhookFormat }) =>
      run(async () => {
        const list = await withStore(flags.db, async (store) => {
          await runWebhookAdd({ store, url, format: flags.payload, addedAt: new Date().toISOString() });
          return store.listWebhooks();
        });
        return ok(fleetFormats.webhooks[flags.format](list));
      }),
    );
  fleetSubcommand(webhook, 'remove', 'stop posting to a webhook')
    .argument('<id>', 'webhook id (kgap fleet webhook list)')
    .action((id: string, flags: Flags) =>
      run(async () => {
        const n = parseNumberOption('<id>', id, { min: 1, integer: true }) as number;
        const list = await withStore(flags.db, async (store) => {
          await runWebhookRemove({ store, id: n });
          return store.listWebhooks();
        });
        return ok(fleetFormats.webhooks[flags.format](list));
      }),
    );
  fleetSubcommand(webhook, 'list', "the fleet's webhooks").action((flags: Flags) =>
    run(async () => ok(fleetFormats.webhooks[flags.format](await withStore(flags.db, (s) => s.listWebhooks())))),
  );
  fleetSubcommand(fleet, 'deliveries', 'the record of notifications sent, newest first')
    .option('--pending', 'only those not delivered yet')
    .option('--limit <n>', 'at most n (default 50)')
    .action((flags: Flags & { pending?: boolean; limit?: string }) =>
      run(async () => {
        const limit = parseNumberOption('--limit', flags.limit, { min: 1, integer: true }) ?? 50;
        const list = await withStore(flags.db, (s) => s.listDeliveries({ pendingOnly: flags.pending === true, limit }));
        return ok(fleetFormats.deliveries[flags.format](list));
      }),
    );
  fleetSubcommand(fleet, 'notify', 'post the pending notifications now (with retries)').action((flags: Flags) =>
    run(async () => {
      const list = await withStore(flags.db, async (store) => {
        const before = await store.listDeliveries({ pendingOnly: true, limit: 10_000 });
        await deliverPending({ store, clock: () => new Date() });
        const ids = new Set(before.map((d) => d.id));
        return (await store.listDeliveries({ pendingOnly: false, limit: 10_000 })).filter((d) => ids.has(d.id));
      });
      const failed = list.some((d) => d.status !== 'delivered');
      return { stdout: fleetFormats.deliveries[flags.format](list), exitCode: failed ? EXIT.threshold : EXIT.ok };
    }),
  );
}
