/**
 * Measures how far `kgap status --version` agrees with the CNA's own JSON ranges (docs/semantics.md, "Validation
 * against the CNA's own JSON"), on the shared real data: `node dist/scripts/cna-json-agreement.js` (after
 * `npm run build`) prints the per-version table of the cross-check test; `--all` sweeps every release of the
 * release data (about 90 s) and lists the versions where kgap and the JSON differ without kgap saying ambiguous.
 */
import { compareKernelVersions, type KernelVersion, parseKernelVersion } from '../src/domain/kernel-version.js';
import { AGREEMENT_VERSIONS, compareWithCna } from '../test/helpers/cna-agreement.js';
import { realCnaJson } from '../test/helpers/read-cna-json.js';

const loaded = await realCnaJson();
if (loaded === null) {
  process.stderr.write('shared data absent (../shared/data or $KGAP_SHARED_DATA): nothing to measure\n');
  process.exit(2);
}
const { real, cna } = loaded;
const out: string[] = [];
if (!process.argv.includes('--all')) {
  out.push(
    '| version | kgap affected | JSON affected | differ | ambiguous | differences (kgap says affected unless noted) |',
  );
  out.push('|---|---|---|---|---|---|');
  for (const text of AGREEMENT_VERSIONS) {
    const row = compareWithCna(real, cna, parseKernelVersion(text) as KernelVersion);
    const listed = row.differences.map(
      (d) => `${d.id}${d.kgapAffected ? '' : ' (JSON only)'}: ${d.ambiguousReason ?? 'NOT ambiguous'}`,
    );
    out.push(
      `| ${text} | ${row.kgap} | ${row.cna} | ${row.differences.length} | ${row.ambiguous.length} | ${listed.join('; ')} |`,
    );
  }
} else {
  const releases = [...real.releases.byName.values()].sort((a, b) => compareKernelVersions(a.version, b.version));
  const unexplained = new Map<string, string[]>();
  let ambiguous = 0;
  let ambiguousDiffer = 0;
  let most = { version: '', count: 0 };
  for (const { name, version } of releases) {
    const row = compareWithCna(real, cna, version);
    ambiguous += row.ambiguous.length;
    if (row.ambiguous.length > most.count) most = { version: name, count: row.ambiguous.length };
    for (const d of row.differences) {
      if (d.ambiguousReason !== null) ambiguousDiffer++;
      else {
        const key = `${d.id} (${d.kgapAffected ? 'kgap' : 'JSON'} only)`;
        unexplained.set(key, [...(unexplained.get(key) ?? []), name]);
      }
    }
  }
  out.push(
    `releases: ${releases.length}; CVEs: ${real.index.records.length}; vulns ${real.index.vulnsCommit.slice(0, 12)}`,
  );
  out.push(
    `ambiguous findings: ${ambiguous} (${ambiguousDiffer} of them differ from the JSON); most on one release: ${most.count} (${most.version})`,
  );
  out.push(`differences kgap does not mark ambiguous: ${[...unexplained.values()].reduce((n, l) => n + l.length, 0)}`);
  for (const [key, list] of [...unexplained].sort())
    out.push(`  ${key}: ${list.length} releases (${list.slice(0, 5).join(', ')}${list.length > 5 ? ', ...' : ''})`);
}
process.stdout.write(`${out.join('\n')}\n`);
