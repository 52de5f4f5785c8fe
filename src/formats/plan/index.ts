import type { PlanReport } from '../../analysis/plan/plan-report.js';
import { formatNames } from '../format-names.js';
import { renderPlanHtml } from './render-plan-html.js';
import { renderPlanJson } from './render-plan-json.js';
import { renderPlanMarkdown } from './render-plan-markdown.js';
import { renderPlanTable } from './render-plan-table.js';

/** The plan renderers, one per output format. */
// biome-ignore format: the registry reads best as one line, format name to renderer
export const planFormats = { table: renderPlanTable, json: renderPlanJson, markdown: renderPlanMarkdown, html: renderPlanHtml } satisfies Record<string, (report: PlanReport) => string>;

export type PlanFormat = keyof typeof planFormats;
export const PLAN_FORMATS = formatNames(planFormats);
