/** The fleet's scan reads: latest scans, history, one scan's findings, one CVE across the fleet. */
import { type Kysely, sql } from 'kysely';
import type { Scan, ScanFinding } from '../../domain/fleet-scan.js';
import type { CveExposure } from '../../domain/fleet-store.js';
import type { FleetDatabase } from './fleet-schema.js';
import { type FindingJoinRow, findingOfRow, type ScanJoinRow, scanOf } from './store-rows.js';

type Db = Kysely<FleetDatabase>;

function scansWithSnapshot(db: Db) {
  return db
    .selectFrom('scans')
    .innerJoin('snapshots', 'snapshots.id', 'scans.snapshot_id')
    .selectAll('scans')
    .select([
      'snapshots.vulns_commit',
      'snapshots.vulns_commit_date',
      'snapshots.records',
      'snapshots.record_problems',
      'snapshots.rules',
    ]);
}

/** What a finding shows of its record (the snapshot's facts) and of the scan's relevance. */
const RECORD_COLUMNS = [
  'c.title',
  'c.published',
  'c.cvss',
  'c.severity',
  'c.program_files',
  'r.status as rel_status',
  'r.reason as rel_reason',
] as const;

/** The id of each product's newest scan. */
function latestIds(db: Db) {
  return db
    .selectFrom('scans')
    .select((eb) => eb.fn.max('id').as('id'))
    .groupBy('product_id');
}

export async function readLatestScans(db: Db): Promise<Scan[]> {
  const rows = await scansWithSnapshot(db).where('scans.id', 'in', latestIds(db)).orderBy('scans.product_id').execute();
  return rows.map((r) => scanOf(r as ScanJoinRow));
}

export async function readScanHistory(db: Db, productId: number): Promise<Scan[]> {
  const rows = await scansWithSnapshot(db).where('scans.product_id', '=', productId).orderBy('scans.id').execute();
  return rows.map((r) => scanOf(r as ScanJoinRow));
}

export async function readScan(db: Db, scanId: number): Promise<Scan | null> {
  const row = await scansWithSnapshot(db).where('scans.id', '=', scanId).executeTakeFirst();
  return row ? scanOf(row as ScanJoinRow) : null;
}

/**
 * A scan's findings. For a product on a release the findings are its branch's verdict spans that contain its
 * sublevel (shared by every product on the branch); for a tree or an rc they are the scan's own rows. Both join
 * the snapshot's record facts and the scan's relevance. `cveId` narrows to one CVE.
 */
export async function readScanFindings(db: Db, scanId: number, cveId?: string): Promise<ScanFinding[]> {
  const scan = await db
    .selectFrom('scans')
    .select(['snapshot_id', 'verdicts', 'branch', 'sublevel'])
    .where('id', '=', scanId)
    .executeTakeFirst();
  if (!scan) return [];
  let rows: FindingJoinRow[];
  if (scan.verdicts === 'branch') {
    const sub = scan.sublevel ?? 0;
    let q = db
      .selectFrom('branch_spans as s')
      .innerJoin('cve_records as c', (j) =>
        j.onRef('c.snapshot_id', '=', 's.snapshot_id').onRef('c.cve_id', '=', 's.cve_id'),
      )
      .leftJoin('scan_relevance as r', (j) => j.on('r.scan_id', '=', scanId).onRef('r.cve_id', '=', 's.cve_id'))
      .select([
        's.cve_id',
        's.fixed_on_branch',
        's.fixed_upstream',
        's.ambiguous',
        's.ambiguous_reason',
        's.rule',
        sql<null>`null`.as('evidence'),
        ...RECORD_COLUMNS,
      ])
      .where('s.snapshot_id', '=', scan.snapshot_id)
      .where('s.branch', '=', scan.branch)
      .where('s.from_sub', '<=', sub)
      .where((eb) => eb.or([eb('s.to_sub', 'is', null), eb('s.to_sub', '>', sub)]));
    if (cveId !== undefined) q = q.where('s.cve_id', '=', cveId);
    rows = (await q.execute()) as FindingJoinRow[];
  } else {
    let q = db
      .selectFrom('scan_findings as f')
      .innerJoin('cve_records as c', (j) =>
        j.on('c.snapshot_id', '=', scan.snapshot_id).onRef('c.cve_id', '=', 'f.cve_id'),
      )
      .leftJoin('scan_relevance as r', (j) => j.onRef('r.scan_id', '=', 'f.scan_id').onRef('r.cve_id', '=', 'f.cve_id'))
      .select([
        'f.cve_id',
        'f.fixed_on_branch',
        'f.fixed_upstream',
        'f.ambiguous',
        'f.ambiguous_reason',
        'f.rule',
        'f.evidence',
        ...RECORD_COLUMNS,
      ])
      .where('f.scan_id', '=', scanId);
    if (cveId !== undefined) q = q.where('f.cve_id', '=', cveId);
    rows = (await q.execute()) as FindingJoinRow[];
  }
  return rows.map(findingOfRow);
}

/** Every product whose newest scan carries the CVE, with that finding. */
export async function readCveExposure(db: Db, cveId: string): Promise<CveExposure[]> {
  const onBranch = await db
    .selectFrom('scans as sc')
    .innerJoin('branch_spans as s', (j) =>
      j.onRef('s.snapshot_id', '=', 'sc.snapshot_id').onRef('s.branch', '=', 'sc.branch'),
    )
    .select(['sc.id', 'sc.product_id'])
    .where('sc.id', 'in', latestIds(db))
    .where('sc.verdicts', '=', 'branch')
    .where('s.cve_id', '=', cveId)
    .whereRef('s.from_sub', '<=', 'sc.sublevel')
    .where((eb) => eb.or([eb('s.to_sub', 'is', null), eb('s.to_sub', '>', eb.ref('sc.sublevel'))]))
    .execute();
  const own = await db
    .selectFrom('scans as sc')
    .innerJoin('scan_findings as f', 'f.scan_id', 'sc.id')
    .select(['sc.id', 'sc.product_id'])
    .where('sc.id', 'in', latestIds(db))
    .where('f.cve_id', '=', cveId)
    .execute();
  const out: CveExposure[] = [];
  for (const hit of [...onBranch, ...own].sort((a, b) => a.product_id - b.product_id)) {
    const [finding] = await readScanFindings(db, hit.id, cveId);
    if (finding) out.push({ productId: hit.product_id, scanId: hit.id, finding });
  }
  return out;
}
