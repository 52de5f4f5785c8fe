import { availableParallelism, tmpdir } from 'node:os';
import type { Command } from 'commander';
import { runFleetAdd, runFleetRemove } from '../../app/fleet/run-fleet-add.js';
import { runFleetCve } from '../../app/fleet/run-fleet-cve.js';
import { runFleetList } from '../../app/fleet/run-fleet-list.js';
import { runFleetHistory, runFleetPlanShow, runFleetShow } from '../../app/fleet/run-fleet-show.js';
import { dayOfInstant } from '../../domain/day.js';
import { UserError } from '../../domain/invalid-input.js';
import { type FleetFormat, fleetFormats } from '../../formats/fleet/index.js';
import type { CommandSpec } from '../command.js';
import { type DataFlags, dataOptionsFrom, endProgress, withDataFlags, writeNotes } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { cveIdArgument } from '../options.js';
import { parseNumberOption } from '../parse-options.js';
import {
  dashboardUrlFrom,
  fleetSubcommand,
  storeLocationFrom,
  withDashboardUrlFlag,
  withStore,
} from '../store-flags.js';
import { registerFleetGate } from './fleet-gate.js';
import { registerFleetNotify } from './fleet-notify.js';
import { registerFleetPlan } from './fleet-plan.js';

type Flags = { db?: string; format: FleetFormat };
const ok = (stdout: string) => ({ stdout, exitCode: EXIT.ok });
const today = () => dayOfInstant(new Date());

/** `kgap fleet …`: the products a team ships, scanned over time. */
export const fleetCommand: CommandSpec = {
  name: 'fleet',
  register(program: Command, run) {
    const fleet = program
      .command('fleet')
      .description('every product kernel a team ships, scanned over time (SQLite by default, or PostgreSQL)');

    withDataFlags(
      fleetSubcommand(fleet, 'add', 'add a product: a name, its kernel version or git tree, and optionally its build'),
    )
      .argument('<name>', 'product name (letters, digits, . _ -)')
      .option('--version <version>', 'the upstream kernel version it runs, e.g. 6.1.170')
      .option('--tree <path>', 'or its kernel git tree (verdicts from its history)')
      .option('--rev <rev>', 'with --tree: the revision it ships (default HEAD)')
      .option('--config <file>', 'its .config: relevance of each CVE and the hardening result')
      .option('--source <dir|tarball>', 'the kernel source tree the config builds')
      .option('--build-dir <dir>', 'or its build directory (.o / .*.cmd files; its .config by default)')
      .option('--arch <arch>', 'architecture (x86_64, arm64, arm, riscv) when the config does not say')
      .option('--support-until <day>', 'end of the support period promised for the product (YYYY-MM-DD)')
      .option('--scan', 'scan it right away (as kgap fleet scan NAME)')
      .action((name: string, flags: Flags & Record<string, string | undefined>) =>
        run(async () => {
          if (flags.version !== undefined && flags.tree !== undefined)
            throw new UserError('give --version or --tree, not both');
          if (flags.version === undefined && flags.tree === undefined)
            throw new UserError('say which kernel the product runs: --version X.Y.Z or --tree PATH');
          if (flags.rev !== undefined && flags.tree === undefined) throw new UserError('--rev needs --tree PATH');
          if (flags.source !== undefined && flags.buildDir !== undefined)
            throw new UserError('give --source or --build-dir, not both');
          const product = await withStore(flags.db, async (store) => {
            const added = await runFleetAdd({
              store,
              name,
              version: flags.version,
              tree: flags.tree,
              rev: flags.rev,
              config: flags.config,
              source: flags.source,
              buildDir: flags.buildDir,
              arch: flags.arch,
              supportUntil: flags.supportUntil,
              addedAt: new Date().toISOString(),
            });
            if (flags.scan) {
              const { runFleetScan } = await import('../../app/fleet/run-fleet-scan.js');
              const data = dataOptionsFrom(flags as DataFlags);
              const report = await runFleetScan({
                store,
                data,
                tmpDir: tmpdir(),
                names: [name],
                clock: () => new Date(),
              });
              endProgress();
              writeNotes({ warnings: report.warnings });
              for (const f of report.failed)
                throw new UserError(`${f.product} was added, but its scan failed: ${f.error}`);
            }
            return added;
          });
          return ok(fleetFormats.product[flags.format]({ action: 'added', product }));
        }),
      );

    fleetSubcommand(fleet, 'list', 'the fleet table: every product with its latest scan').action((flags: Flags) =>
      run(async () => {
        const rows = await withStore(flags.db, (store) => runFleetList({ store, asOf: today() }));
        return ok(fleetFormats.list[flags.format](rows));
      }),
    );

    fleetSubcommand(fleet, 'remove', 'remove a product and its scans')
      .argument('<name>', 'product name')
      .action((name: string, flags: Flags) =>
        run(async () => {
          const product = await withStore(flags.db, async (store) => {
            const found = await store.findProduct(name);
            await runFleetRemove({ store, name });
            return found;
          });
          return ok(product ? fleetFormats.product[flags.format]({ action: 'removed', product }) : '');
        }),
      );

    withDataFlags(
      withDashboardUrlFlag(
        fleetSubcommand(fleet, 'scan', 'scan the products (all, or those named) and record one scan each'),
      ),
    )
      .argument('[names...]', 'products to scan (default: all)')
      .option('--queue', 'with a postgres:// --db: enqueue one job per product for `kgap worker` and return')
      .option('--threads <n>', 'scan on n threads (default: the number of CPUs)')
      .option('--job-timeout <seconds>', "with --queue: after this long a job's worker counts as dead (default 900)")
      .option('--no-notify', 'do not post notifications after the scan (they stay pending)')
      .action((names: string[], flags: Flags & Record<string, string | boolean | undefined>) =>
        run(async () => {
          if (flags.jobTimeout !== undefined && !flags.queue) throw new UserError('--job-timeout needs --queue');
          const data = dataOptionsFrom(flags as DataFlags);
          if (flags.queue) {
            const { enqueueFleetScan } = await import('./fleet-queue.js');
            const timeout = parseNumberOption('--job-timeout', flags.jobTimeout as string | undefined, {
              min: 1,
              integer: true,
            });
            return ok(fleetFormats.enqueue[flags.format](await enqueueFleetScan(flags.db, names, timeout)));
          }
          const { runFleetScanParallel } = await import('../../app/fleet/run-fleet-scan-parallel.js');
          const threads =
            parseNumberOption('--threads', flags.threads as string | undefined, { min: 1, max: 64, integer: true }) ??
            availableParallelism();
          const report = await withStore(flags.db, (store) =>
            runFleetScanParallel({
              store,
              location: storeLocationFrom(flags.db),
              threads,
              data,
              tmpDir: tmpdir(),
              names,
              clock: () => new Date(),
              notify: flags.notify !== false,
              dashboardUrl: dashboardUrlFrom(flags.dashboardUrl as string | undefined),
              progress: data.progress,
            }),
          );
          endProgress();
          writeNotes({ warnings: report.warnings });
          for (const f of report.failed) process.stderr.write(`kgap: ${f.product}: ${f.error}\n`);
          return {
            stdout: fleetFormats.scan[flags.format](report),
            exitCode: report.failed.length > 0 ? EXIT.usage : EXIT.ok,
          };
        }),
      );

    fleetSubcommand(fleet, 'show', 'a product: its latest scan and the CVEs it carries, with evidence')
      .argument('<name>', 'product name')
      .option('--limit <n>', 'list at most n findings')
      .option('--plan', 'show its stored update plan instead (kgap fleet plan)')
      .action((name: string, flags: Flags & { limit?: string; plan?: boolean }) =>
        run(async () => {
          if (flags.plan) {
            if (flags.limit !== undefined)
              throw new UserError('--limit lists findings; --plan shows the plan: give one');
            const plan = await withStore(flags.db, (store) => runFleetPlanShow({ store, name }));
            return ok(fleetFormats.storedPlan[flags.format](plan));
          }
          const limit = parseNumberOption('--limit', flags.limit, { min: 0, integer: true }) ?? null;
          const detail = await withStore(flags.db, (store) => runFleetShow({ store, name, asOf: today() }));
          return ok(fleetFormats.show[flags.format]({ detail, limit }));
        }),
      );

    fleetSubcommand(fleet, 'history', "a product's scans over time")
      .argument('<name>', 'product name')
      .action((name: string, flags: Flags) =>
        run(async () =>
          ok(
            fleetFormats.history[flags.format](await withStore(flags.db, (store) => runFleetHistory({ store, name }))),
          ),
        ),
      );

    fleetSubcommand(fleet, 'cve', 'one CVE across the fleet: which products carry it, given their configs and trees')
      .argument('<cve-id>', 'CVE id')
      .action((id: string, flags: Flags) =>
        run(async () => {
          const cveId = cveIdArgument(id);
          return ok(
            fleetFormats.cve[flags.format](await withStore(flags.db, (store) => runFleetCve({ store, cveId }))),
          );
        }),
      );

    registerFleetPlan(fleet, run);
    registerFleetGate(fleet, run);
    registerFleetNotify(fleet, run);
  },
};
