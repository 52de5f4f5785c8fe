import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from './http-errors.js';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Writes need `Authorization: Bearer <token>`: 401 without it or with a wrong one, 403 on a read-only server. */
export function requireToken(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (token === null) throw new HttpProblem(403, 'this server is read-only (started without a token)');
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (given === undefined) throw new HttpProblem(401, 'writes need Authorization: Bearer <token>');
    if (!same(given, token)) throw new HttpProblem(401, 'the bearer token is not valid');
    await next();
  };
}
