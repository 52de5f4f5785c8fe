/** A fleet plan's earlier gates as HTML: for the plan's page and the dashboard's product page. */
import type { EarlierGate } from '../../domain/fleet-gate.js';
import { html, type SafeHtml } from '../html/html.js';
import { gateLine } from './earlier-gates.js';

export { earlierGatesHeading } from './earlier-gates.js';

/** One item per run, its reasons beneath; nothing when the list is empty. */
export function earlierGatesHtml(gates: readonly EarlierGate[]): SafeHtml {
  return gates.length
    ? html`<ul class="earlier-gates">${gates.map((g) => html`<li>${gateLine(g)}${g.reasons.length ? html`<ul>${g.reasons.map((x) => html`<li>${x}</li>`)}</ul>` : ''}</li>`)}</ul>`
    : html`<p>None recorded: <code>kgap fleet gate NAME --baseline DIR --candidate DIR</code>.</p>`;
}
