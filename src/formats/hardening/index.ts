import type { HardeningDiff } from '../../analysis/hardening/compare-hardening.js';
import type { HardeningReport } from '../../analysis/hardening/hardening-report.js';
import { formatNames } from '../format-names.js';
import type { ShowMode } from './hardening-view.js';
import {
  renderHardeningDiffGithub,
  renderHardeningDiffGitlab,
  renderHardeningGithub,
  renderHardeningGitlab,
} from './render-hardening-ci.js';
import { renderHardeningDiffJson, renderHardeningJson } from './render-hardening-json.js';
import { renderHardeningDiffMarkdown, renderHardeningMarkdown } from './render-hardening-markdown.js';
import { renderHardeningDiffSarif, renderHardeningSarif } from './render-hardening-sarif.js';
import { renderHardeningDiffTable, renderHardeningTable } from './render-hardening-text.js';

type Formatter = {
  readonly report: (reports: readonly HardeningReport[], show: ShowMode) => string;
  readonly diff: (diff: HardeningDiff, from: HardeningReport, to: HardeningReport) => string;
};

/** Every output format of `kgap harden`, one registry. */
export const hardeningFormats = {
  table: { report: renderHardeningTable, diff: (d) => renderHardeningDiffTable(d) },
  markdown: { report: renderHardeningMarkdown, diff: (d) => renderHardeningDiffMarkdown(d) },
  json: { report: renderHardeningJson, diff: renderHardeningDiffJson },
  sarif: { report: renderHardeningSarif, diff: renderHardeningDiffSarif },
  github: { report: (reports) => renderHardeningGithub(reports), diff: renderHardeningDiffGithub },
  gitlab: { report: (reports) => renderHardeningGitlab(reports), diff: renderHardeningDiffGitlab },
} satisfies Record<string, Formatter>;

export type HardeningFormat = keyof typeof hardeningFormats;
export const HARDENING_FORMATS = formatNames(hardeningFormats);
