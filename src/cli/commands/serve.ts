import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { UserError } from '../../domain/invalid-input.js';
import { openFleetStore } from '../../sources/store/open-fleet-store.js';
import { dataOptionsFrom } from '../data-flags.js';
import { fleetServiceCommand, type ServiceFlags } from '../fleet-service.js';
import { parseNumberOption } from '../parse-options.js';
import { dashboardUrlFrom, storeLocationFrom } from '../store-flags.js';

type ServeFlags = ServiceFlags & { host: string; port: string; tokenFile?: string; readOnly?: boolean };

/** The write token: `--token-file`, else `KGAP_TOKEN`; none is only accepted with `--read-only`. */
async function tokenOf(flags: ServeFlags): Promise<string | null> {
  if (flags.readOnly) {
    if (flags.tokenFile !== undefined) throw new UserError('--read-only takes no --token-file');
    return null;
  }
  const text =
    flags.tokenFile !== undefined
      ? await readFile(flags.tokenFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
          throw new UserError(`cannot read --token-file ${flags.tokenFile} (${e.code ?? e.message})`);
        })
      : process.env.KGAP_TOKEN;
  const token = text?.trim() ?? '';
  if (token === '')
    throw new UserError(
      'writes need a token: set KGAP_TOKEN or give --token-file FILE (or --read-only for a server without writes)',
    );
  if (token.length < 16) throw new UserError('the write token must be at least 16 characters');
  return token;
}

/** `kgap serve`: the REST API and the dashboard over the fleet store. */
export const serveCommand = fleetServiceCommand<ServeFlags>({
  name: 'serve',
  description: 'serve the fleet: REST API under /api/v1 (OpenAPI at /api/v1/openapi.json) and a dashboard',
  options: (c) =>
    c
      .option('--host <host>', 'address to bind (loopback unless you say otherwise)', '127.0.0.1')
      .option('--port <port>', 'port (0: any free port)', '8080')
      .option('--token-file <file>', 'file holding the bearer token writes need (default: env KGAP_TOKEN)')
      .option('--read-only', 'serve without a token: reads only, writes get 403'),
  async serve(flags, untilStopped) {
    const port = parseNumberOption('--port', flags.port, { min: 0, max: 65535, integer: true }) as number;
    const token = await tokenOf(flags);
    const store = await openFleetStore(storeLocationFrom(flags.db));
    const { startServer } = await import('../../server/start-server.js');
    const enqueue =
      store.engine === 'postgres'
        ? async (names: readonly string[]) => {
            const { enqueueScans } = await import('../../app/fleet/run-fleet-enqueue.js');
            return enqueueScans({ store, location: storeLocationFrom(flags.db), names });
          }
        : null;
    const server = await startServer(
      {
        store,
        data: dataOptionsFrom(flags),
        tmpDir: tmpdir(),
        token,
        clock: () => new Date(),
        enqueue,
        dashboardUrl: dashboardUrlFrom(flags.dashboardUrl),
      },
      flags.host,
      port,
    ).catch(async (error: NodeJS.ErrnoException) => {
      await store.close();
      throw new UserError(`cannot listen on ${flags.host}:${port} (${error.code ?? error.message})`);
    });
    // Stoppable before it says where it listens: whoever reads that line may signal at once.
    const stopped = untilStopped();
    process.stderr.write(
      `kgap serve: ${server.url}/ (fleet ${store.location}; writes ${token ? 'need the bearer token' : 'disabled'})\n`,
    );
    await stopped;
    await server.close();
    await store.close();
  },
});
