/**
 * `kgap/vex`: VEX and SBOM documents from kgap's verdicts, and what changed between two publications. The
 * documents themselves are `status` formats (`statusFormats.openvex`, `.cyclonedx`, `.csaf`, `.sarif`…); this
 * barrel adds the statement mapping they share and the diff.
 *
 * @example
 * ```ts
 * import { runVexDiff, vexDiffFormats } from 'kgap/vex';
 *
 * const report = await runVexDiff({ old: 'vex-6.1.170.json', new: 'vex-6.1.183.cdx.json' });
 * process.stdout.write(vexDiffFormats.markdown(report));
 * ```
 * @module
 */
export {
  VEX_CHANGE_KINDS,
  type VexChange,
  type VexChangeKind,
  type VexDiff,
} from '../analysis/vex/compare-vex.js';
export {
  runVexDiff,
  type VexDiffInput,
  type VexDiffReport,
  type VexDocumentSummary,
} from '../app/vex/run-vex-diff.js';
export type { PublishedStatement, VexPublication } from '../domain/vex-publication.js';
export type { StatusRenderOptions } from '../formats/vex/vex-document.js';
export { countVexStatuses, planVexStatements, type VexStatement } from '../formats/vex/vex-statements.js';
export { VEX_DIFF_FORMATS, type VexDiffFormat, vexDiffFormats } from '../formats/vex-diff/index.js';
export { parseVexDocument, readVexDocument } from '../sources/vex/read-vex-document.js';
