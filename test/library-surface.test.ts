/**
 * The published library surface: the main entry and one subpath per capability export the use-cases, their report
 * types' renderers and the shared vocabulary, and none of the internals.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

const ENTRIES: Record<string, readonly string[]> = {
  index: ['runStatus', 'runSync', 'runHarden', 'runGate', 'resolveDataOptions', 'parseKernelVersion', 'UserError'],
  'api/status': ['runStatus', 'runTreeExplain', 'statusFormats', 'STATUS_FORMATS', 'parseFailOn'],
  'api/cve': ['runCve', 'cveFormats'],
  'api/relevance': ['runRelevance', 'relevanceFormats', 'RELEVANCE_STATUSES', 'readBuildRecord', 'compareWithBuild'],
  'api/harden': ['runHarden', 'hardeningFormats', 'hardeningChecks'],
  'api/gate': [
    'runGate',
    'runGateKernels',
    'gateFormats',
    'RESULT_FORMATS',
    'parseLkftKnownIssues',
    'selectLkftIssues',
  ],
  'api/boot': ['runBoot', 'runBootPair', 'bootFormats', 'BOOT_ARCHES'],
  'api/analytics': ['runLag', 'runExposure', 'runDiff', 'runSimulate', 'lagFormats'],
  'api/vex': ['runVexDiff', 'vexDiffFormats', 'planVexStatements', 'parseVexDocument', 'VEX_CHANGE_KINDS'],
  'api/plan': ['runPlan', 'planFormats', 'PLAN_FORMATS', 'renderPlanJson', 'PATCH_FATES'],
  'api/fleet': [
    'openFleetStore',
    'runFleetAdd',
    'runFleetScan',
    'runFleetList',
    'runFleetCve',
    'runFleetPlan',
    'runFleetPlanShow',
    'fleetFormats',
    'startServer',
  ],
};
const INTERNALS = ['spanAt', 'spanOf', 'findingOf', 'renderNewcCpio', 'planRecordSpans', 'readBranchView'];

describe('library surface', () => {
  for (const [entry, names] of Object.entries(ENTRIES)) {
    it(`kgap${entry === 'index' ? '' : `/${entry.slice(4)}`} exports its use-cases and nothing internal`, async () => {
      const mod = (await import(`../src/${entry}.js`)) as Record<string, unknown>;
      for (const name of names) assert.ok(name in mod, `${entry} lacks ${name}`);
      for (const name of INTERNALS) assert.ok(!(name in mod), `${entry} exports the internal ${name}`);
    });
  }
});
