import type { Context } from 'hono';
import { NoStoredPlan } from '../domain/fleet-plan.js';
import { UnknownProduct } from '../domain/fleet-product.js';
import { InvalidInput, UserError } from '../domain/invalid-input.js';

/** An error with an HTTP status, thrown by routes (404 for an unknown product, 401 without a token …). */
export class HttpProblem extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

/**
 * The one place errors become HTTP statuses: bad input (zod or a use-case's `InvalidInput`/`UserError`) is 400
 * with the message and the field; route problems carry their own status; anything else is a bug: 500, logged.
 */
export function errorResponse(error: unknown, c: Context): Response {
  if (error instanceof HttpProblem) {
    const headers: Record<string, string> = error.status === 401 ? { 'www-authenticate': 'Bearer realm="kgap"' } : {};
    // A refused body is left unread: the connection cannot carry another request after it.
    if (error.status === 413) headers.connection = 'close';
    return c.json({ error: error.message }, error.status, headers);
  }
  if (error instanceof InvalidInput) {
    const status = error instanceof UnknownProduct || error instanceof NoStoredPlan ? 404 : 400;
    return c.json({ error: error.message, field: error.field }, status);
  }
  if (error instanceof UserError) return c.json({ error: error.message }, 400);
  process.stderr.write(
    `kgap serve: internal error (this is a bug): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return c.json({ error: 'internal error' }, 500);
}
