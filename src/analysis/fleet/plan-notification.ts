import type { FleetEvent, WebhookFormat } from '../../domain/fleet-event.js';

/** Version of the JSON webhook payload (docs/fleet.md, "Webhook payload"). */
export const WEBHOOK_SCHEMA_VERSION = 1;

/** Who and what a notification is about. */
export type NotificationContext = {
  readonly product: string;
  readonly version: string;
  readonly branch: string;
  readonly scannedAt: string;
  readonly vulnsCommit: string;
  readonly releasesAsOf: string | null;
  /** The dashboard's product page, when the fleet has a server URL configured; null otherwise. */
  readonly link: string | null;
};

const LIST_IN_TEXT = 10;

function slackText(event: FleetEvent, c: NotificationContext): string {
  const who = `*${c.product}* (${c.version})`;
  const lines: string[] = [];
  if (event.kind === 'new-cves') {
    const n = event.cves.length;
    const inBuilt = event.cves.every((v) => v.relevance === 'built') ? ' in code it builds' : '';
    lines.push(`kgap: ${who} is newly exposed to ${n} CVE${n === 1 ? '' : 's'}${inBuilt}`);
    for (const v of event.cves.slice(0, LIST_IN_TEXT)) {
      const score = v.cvss === null ? 'unscored' : `${v.cvss} ${v.severity ?? ''}`.trim();
      lines.push(`• ${v.id} (${score}): ${v.title}`);
    }
    if (n > LIST_IN_TEXT) lines.push(`… and ${n - LIST_IN_TEXT} more`);
  } else {
    const behind = event.releasesBehind === null ? '' : `; ${event.releasesBehind} release(s) behind`;
    lines.push(
      `kgap: ${event.latest} is out${event.latestDate ? ` (${event.latestDate})` : ''}: ${who} is on branch ${c.branch}${behind}`,
    );
  }
  if (c.link) lines.push(c.link);
  return lines.join('\n');
}

/**
 * The body posted to a webhook for one event: kgap's JSON document (fixed key order, `schemaVersion`), or a
 * Slack-compatible `{"text": …}` message (also what Mattermost and Rocket.Chat incoming webhooks take). Pure.
 */
export function planNotification(event: FleetEvent, context: NotificationContext, format: WebhookFormat): string {
  if (format === 'slack') return JSON.stringify({ text: slackText(event, context) });
  return JSON.stringify({
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    event: event.kind,
    product: { name: context.product, version: context.version, branch: context.branch, link: context.link },
    scannedAt: context.scannedAt,
    data: { vulnsCommit: context.vulnsCommit, releasesAsOf: context.releasesAsOf },
    ...(event.kind === 'new-cves'
      ? { cves: event.cves }
      : {
          release: {
            previousLatest: event.previousLatest,
            latest: event.latest,
            latestDate: event.latestDate,
            releasesBehind: event.releasesBehind,
          },
        }),
  });
}
