import { isAbsolute, join } from 'node:path';
import { InvalidInput } from '../../domain/invalid-input.js';

/**
 * Where the fleet lives: the given location (a SQLite file path or a `postgres://` URL), else `$KGAP_DB`, else
 * `$XDG_DATA_HOME/kgap/fleet.db`, else `$HOME/.local/share/kgap/fleet.db` (the XDG default). Pure: the
 * environment and home are passed in.
 */
export function resolveStoreLocation(options: {
  readonly db?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
}): string {
  const given = options.db ?? options.env.KGAP_DB;
  if (given !== undefined) {
    if (given.trim() === '') throw new InvalidInput('db', 'is empty: give a SQLite file or a postgres:// URL');
    return given;
  }
  const data = options.env.XDG_DATA_HOME;
  if (data && isAbsolute(data)) return join(data, 'kgap', 'fleet.db');
  return join(options.home, '.local', 'share', 'kgap', 'fleet.db');
}
