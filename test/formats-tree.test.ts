/**
 * Issue 12 in tree mode, on a generated vendor tree (real records, generated commits: scripts/gen-tree.ts): fixes
 * the vendor carries ahead of its base release become `resolved_with_pedigree` (CycloneDX), `fixed` (OpenVEX,
 * CSAF) and `pass` (SARIF), with the commit as evidence; every document validates; counts equal the JSON's.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type GenTreeResult, selectRecords } from '../scripts/gen-tree.js';
import { sharedDataDir } from '../src/sources/data/data-options.js';
import { REAL_DATA_SKIP_REASON, realIndex } from './helpers/real-index.js';
import { generateRealTree } from './helpers/real-tree.js';
import { runCli } from './helpers/run-cli.js';
import { checkCsaf, checkCyclonedx, checkOpenvex, checkSarif } from './helpers/schema-validators.js';
import { countsOf, countsOfJson } from './helpers/vex-counts.js';

const real = await realIndex();
const shared = sharedDataDir();
const skip = real === null || shared === null ? REAL_DATA_SKIP_REASON : false;
const scratch = mkdtempSync(join(tmpdir(), 'kgap-formats-tree-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const PREFER = ['CVE-2025-21629', 'CVE-2022-48628'];
let gen: GenTreeResult;
let env: Record<string, string> = {};
const out: Record<string, string> = {};
const FORMATS = ['json', 'openvex', 'cyclonedx', 'csaf', 'sarif', 'html'] as const;

before(async () => {
  const made = await generateRealTree(join(scratch, 'cache'), (source) => ({
    ...source,
    outDir: join(scratch, 'gen'),
    records: selectRecords(source.records, { every: 40, prefer: PREFER }),
    branch: '6.1',
    stableUpTo: 130,
    vendorBase: 110,
    mainlineFillers: 500,
    stableFillers: 2,
    vendorOnly: 6,
    prefer: PREFER,
  }));
  if (made === null) return;
  ({ gen, env } = made);
  for (const f of FORMATS) {
    const r = runCli(['status', '--tree', gen.treeDir, '--format', f], env);
    assert.equal(r.code, 0, `${f}: ${r.stderr}`);
    out[f] = r.stdout;
  }
});

describe('status formats on a generated vendor tree', () => {
  it('the tree carries fixes ahead of its base (the planted vendor backports)', { skip }, () => {
    const doc = JSON.parse(out.json ?? '');
    assert.ok(doc.tree.carriedAhead.length > 0);
    assert.ok(doc.affected.length > 0);
  });

  for (const format of ['openvex', 'cyclonedx', 'csaf', 'sarif', 'html'] as const) {
    it(`${format}: affected and fixed counts equal --format json's`, { skip }, () => {
      assert.deepEqual(countsOf(format, out[format] ?? ''), countsOfJson(JSON.parse(out.json ?? '')));
    });
  }

  it('CycloneDX: resolved_with_pedigree names the commit; the pedigree lists it; the schema holds', { skip }, () => {
    const json = JSON.parse(out.json ?? '');
    const doc = JSON.parse(out.cyclonedx ?? '');
    assert.equal(checkCyclonedx(doc), null);
    const c = doc.metadata.component;
    assert.deepEqual(c.properties, [{ name: 'kgap:tree:commit', value: json.tree.revSha }]);
    for (const carried of json.tree.carriedAhead) {
      const v = doc.vulnerabilities.find((x: { id: string }) => x.id === carried.id);
      assert.equal(v.analysis.state, 'resolved_with_pedigree');
      assert.match(v.analysis.detail, new RegExp(carried.commit));
      assert.ok(c.pedigree.commits.some((x: { uid: string }) => x.uid === carried.commit));
    }
  });

  it('CSAF, OpenVEX and SARIF validate in tree mode', { skip }, async () => {
    assert.equal(await checkCsaf(JSON.parse(out.csaf ?? '')), null);
    assert.equal(checkOpenvex(JSON.parse(out.openvex ?? '')), null);
    const sarif = JSON.parse(out.sarif ?? '');
    assert.equal(checkSarif(sarif), null);
    // No config: the findings point at the tree's Makefile (it names the base release).
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'Makefile');
  });

  it('byte-identical on a second run', { skip }, () => {
    for (const f of ['cyclonedx', 'csaf', 'openvex'] as const)
      assert.equal(runCli(['status', '--tree', gen.treeDir, '--format', f], env).stdout, out[f], f);
  });
});
