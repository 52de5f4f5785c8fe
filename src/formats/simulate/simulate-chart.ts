import type { SimulationReport } from '../../analysis/simulate/assess-simulation.js';
import { dateOf, dayOf } from '../../analysis/simulate/day-number.js';
import { type ChartPoint, renderLineChartSvg } from '../chart/render-line-chart-svg.js';
import type { SafeHtml } from '../html/html.js';

/** Open CVEs over time, one step line per policy: points only where the count changes (and the last day). */
export function renderSimulateChart(report: SimulationReport): SafeHtml {
  const first = dayOf(report.window.from);
  const series = report.policies.map((p) => {
    const points: ChartPoint[] = [];
    p.openByDay.forEach((y, i) => {
      if (i === 0 || y !== p.openByDay[i - 1] || i === p.openByDay.length - 1) points.push({ x: dateOf(first + i), y });
    });
    return { name: p.policy, points };
  });
  return renderLineChartSvg({
    title: `Open CVEs on ${report.branch} from ${report.start.version}, per policy`,
    xLabel: 'day',
    yLabel: 'open CVEs (public, fixed on the branch)',
    series,
    step: true,
  });
}
