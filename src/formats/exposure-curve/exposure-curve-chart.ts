import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { renderLineChartSvg } from '../chart/render-line-chart-svg.js';
import type { SafeHtml } from '../html/html.js';

/** The exposure curve: open CVEs of each release against its age at the as-of date. */
export function renderExposureCurveChart(report: ExposureCurveReport): SafeHtml {
  const pick = (y: (p: ExposureCurveReport['points'][number]) => number) =>
    report.points.map((p) => ({ x: p.ageDays, y: y(p) }));
  return renderLineChartSvg({
    title: `Linux ${report.branch}: CVEs affecting each release, as of ${report.asOf}`,
    xLabel: `release age on ${report.asOf} (days)`,
    yLabel: 'CVEs published by then',
    series: [
      { name: 'open CVEs', points: pick((p) => p.openCves) },
      { name: 'fixed in a newer release', points: pick((p) => p.fixedInNewerRelease) },
      { name: 'high/critical', points: pick((p) => p.highOrCritical) },
    ],
  });
}
