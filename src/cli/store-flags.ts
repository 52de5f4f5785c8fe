import { homedir } from 'node:os';
import type { Command } from 'commander';
import type { FleetStore } from '../domain/fleet-store.js';
import { FLEET_FORMATS } from '../formats/fleet/index.js';
import { openFleetStore } from '../sources/store/open-fleet-store.js';
import { resolveStoreLocation } from '../sources/store/store-location.js';
import { InvalidInput, UserError } from './errors.js';
import { choiceOption } from './options.js';

/** Adds `--db`, the fleet store's location, to a command. */
export function withStoreFlag(command: Command): Command {
  return command.option(
    '--db <file|url>',
    'fleet database: a SQLite file or postgres://… (env KGAP_DB; default $XDG_DATA_HOME/kgap/fleet.db)',
  );
}

/** The store's location from `--db`, `KGAP_DB` or the default. */
export function storeLocationFrom(db: string | undefined): string {
  return resolveStoreLocation({ db, env: process.env, home: homedir() });
}

/** Adds `--dashboard-url`, the base URL notifications link to (`serve`, `worker` and `fleet scan` post them). */
export function withDashboardUrlFlag(command: Command): Command {
  return command.option(
    '--dashboard-url <url>',
    'base URL of `kgap serve`, for links in notifications (env KGAP_DASHBOARD_URL)',
  );
}

/** The dashboard's base URL that notifications link to: `--dashboard-url`, else `KGAP_DASHBOARD_URL`, else none. */
export function dashboardUrlFrom(flag: string | undefined): string | null {
  return flag ?? process.env.KGAP_DASHBOARD_URL ?? null;
}

/** The fields of the fleet's use-cases that the CLI takes as positional arguments. */
const POSITIONAL_FIELDS = ['name', 'names', 'url', 'id'];

/** Opens the store, runs `use` and closes the store whatever happens. */
export async function withStore<T>(db: string | undefined, use: (store: FleetStore) => Promise<T>): Promise<T> {
  const store = await openFleetStore(storeLocationFrom(db));
  try {
    return await positional(POSITIONAL_FIELDS, use(store));
  } finally {
    await store.close();
  }
}

/** A `kgap fleet` subcommand with `--db` and `--format`. */
export function fleetSubcommand(parent: Command, name: string, description: string): Command {
  return withStoreFlag(parent.command(name).description(description)).addOption(
    choiceOption('--format <format>', 'output format', FLEET_FORMATS, 'table'),
  );
}

/**
 * Errors about a command's positional arguments (a product NAME, a webhook ID): below the CLI they name the
 * use-case's field; the user typed no flag, so the message is the problem alone (it names the value).
 */
export async function positional<T>(fields: readonly string[], promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof InvalidInput && fields.includes(error.field)) throw new UserError(error.problem);
    throw error;
  }
}
