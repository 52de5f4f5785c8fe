/**
 * What a run of many status queries shares (a fleet scan of 1,000 products on 8 branches): each branch's
 * verdicts and each branch's release table are read once per session, not once per product. A single
 * `kgap status` passes no session and reads as before.
 */
export type StatusSession = { readonly memo: Map<string, Promise<unknown>> };

/** A new, empty session. */
export function newStatusSession(): StatusSession {
  return { memo: new Map() };
}

/** `make()` once per key within a session (a failed read is not kept); without a session, every time. */
export function memoized<T>(session: StatusSession | undefined, key: string, make: () => Promise<T>): Promise<T> {
  if (session === undefined) return make();
  const known = session.memo.get(key);
  if (known !== undefined) return known as Promise<T>;
  const made = make();
  session.memo.set(key, made);
  made.catch(() => session.memo.delete(key));
  return made;
}
