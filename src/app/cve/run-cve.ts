import { type CveDetail, planCveDetail } from '../../analysis/exposure/plan-cve-detail.js';
import { requireCveId } from '../../domain/cve-id.js';
import { parseUpstreamVersion } from '../../domain/distro-version.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import { readRecordDescription } from '../../sources/vulns/read-record-description.js';

export type CveInput = {
  readonly cveId: string;
  /** Also judge this kernel version (distro strings work); null: no version. */
  readonly version: string | null;
  readonly data: DataOptions;
};

/** One CVE: title, CVSS, fix commits, per-branch introduced/fixed, and the verdict for a version (`kgap cve`). */
export async function runCve(input: CveInput): Promise<CveDetail> {
  const id = requireCveId('cveId', input.cveId);
  let ask = null;
  if (input.version !== null) {
    const r = parseUpstreamVersion(input.version);
    if (!r.ok) throw new InvalidInput('version', r.reason);
    ask = { text: input.version, version: r.version };
  }
  const index = await readIndex(input.data, { withCommits: true });
  const record = index.records.find((r) => r.id === id);
  if (!record) {
    throw new UserError(
      `${id} is not a published kernel CVE in the vulns data (${index.vulnsCommit.slice(0, 12)}); run kgap sync to update`,
    );
  }
  const description = await readRecordDescription(input.data.cacheDir, index.vulnsCommit, id);
  return planCveDetail(record, description, ask);
}
