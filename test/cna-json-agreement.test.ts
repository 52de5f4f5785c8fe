import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessExposure } from '../src/analysis/exposure/assess-exposure.js';
import { planStatusView } from '../src/analysis/exposure/plan-status-view.js';
import { parseKernelVersion } from '../src/domain/kernel-version.js';
import { renderStatusJson } from '../src/formats/status/render-status-json.js';
import { AGREEMENT_VERSIONS, compareWithCna } from './helpers/cna-agreement.js';
import { realCnaJson } from './helpers/read-cna-json.js';
import { REAL_DATA_SKIP_REASON } from './helpers/real-index.js';

// kgap's dyad rules against the CNA's own verdict in each record's JSON `versions` ranges (docs/semantics.md,
// "Validation against the CNA's own JSON"): on every version they may differ only in findings kgap marks
// ambiguous, and those are few. The table: `npm run build && node dist/scripts/cna-json-agreement.js`.
/** At most this many ambiguous findings per version on today's data (issue 11). */
const MAX_AMBIGUOUS = 3;

const loaded = await realCnaJson();
const skip = loaded === null ? REAL_DATA_SKIP_REASON : false;

describe("kgap agrees with the CNA's own JSON ranges (real data)", () => {
  it('reads the JSON of every indexed record', { skip }, () => {
    assert.ok(loaded);
    assert.deepEqual(loaded.cna.problems, []);
    assert.equal(loaded.cna.byId.size, loaded.real.index.records.length);
  });
  for (const version of AGREEMENT_VERSIONS) {
    it(`${version}: kgap and the JSON differ only in ambiguous findings, with their reason in JSON`, { skip }, (t) => {
      assert.ok(loaded);
      const v = parseKernelVersion(version);
      assert.ok(v);
      const row = compareWithCna(loaded.real, loaded.cna, v);
      t.diagnostic(
        `${version}: kgap ${row.kgap}, JSON ${row.cna}, differ ${row.differences.length}, ambiguous ${row.ambiguous.length}`,
      );
      // Not a vacuous agreement: both readings find thousands of CVEs on these versions.
      assert.ok(row.cna > 2000 && row.kgap > 2000, `${version}: kgap ${row.kgap}, JSON ${row.cna}`);
      const unexplained = row.differences.filter((d) => d.ambiguousReason === null).map((d) => d.id);
      assert.deepEqual(unexplained, [], `${version}: differences kgap does not mark ambiguous`);
      assert.ok(row.ambiguous.length <= MAX_AMBIGUOUS, `${version}: ${row.ambiguous.join(', ')}`);
      // The reason reaches `kgap status --format json`.
      const report = assessExposure(loaded.real.index, loaded.real.releases, v);
      const doc = JSON.parse(renderStatusJson(planStatusView(report, {})));
      for (const id of row.ambiguous) {
        const finding = doc.affected.find((f: { id: string }) => f.id === id);
        assert.equal(finding?.ambiguous, true, id);
        assert.match(finding?.ambiguousReason ?? '', /\S/, `${id} has no ambiguousReason`);
      }
    });
  }
});
