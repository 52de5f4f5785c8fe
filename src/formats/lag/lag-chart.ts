import type { LagReport } from '../../analysis/lag/assess-lag.js';
import { renderHistogramSvg } from '../chart/render-histogram-svg.js';
import type { SafeHtml } from '../html/html.js';
import { LAG_BINS, lagHistogram } from './lag-view.js';

/** The lag histogram: CVEs per 30-day bin of (publication - first fix release). */
export function renderLagChart(report: LagReport): SafeHtml {
  const markers = [{ x: 0, label: 'fix = publication' }];
  const median = report.overall.medianLagDays;
  if (median !== null && Math.abs(median) > 60) markers.push({ x: median, label: `median ${median}` });
  return renderHistogramSvg({
    title: `Days from first fix release to CVE publication (${report.overall.cves} CVEs)`,
    xLabel: `days (30-day bins; lags beyond ${LAG_BINS.min}..${LAG_BINS.max} are in the edge bins)`,
    yLabel: 'CVEs',
    bins: lagHistogram(report),
    markers,
  });
}
