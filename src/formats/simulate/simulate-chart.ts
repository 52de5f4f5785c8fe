import type { PolicyOutcome, SimulationReport } from '../../analysis/simulate/assess-simulation.js';
import { dayFromNumber, dayNumber } from '../../domain/day.js';
import { type ChartPoint, renderLineChartSvg } from '../chart/render-line-chart-svg.js';
import type { SafeHtml } from '../html/html.js';

export type SimulateChart = { readonly title: string; readonly svg: SafeHtml };

function chartOf(report: SimulationReport, policies: readonly PolicyOutcome[], title: string): SimulateChart {
  const first = dayNumber(report.window.from);
  // A step line per policy, with points only where the count changes (and on the last day).
  const series = policies.map((p) => {
    const points: ChartPoint[] = [];
    p.openByDay.forEach((y, i) => {
      if (i === 0 || y !== p.openByDay[i - 1] || i === p.openByDay.length - 1)
        points.push({ x: dayFromNumber(first + i), y });
    });
    return { name: p.policy, points };
  });
  const svg = renderLineChartSvg({
    title,
    xLabel: 'day',
    yLabel: 'open CVEs (public, fixed on the branch)',
    series,
    step: true,
  });
  return { title, svg };
}

/**
 * Open CVEs over time, one step line per policy. A frozen product's count dwarfs the others, so when it is among
 * several policies a second chart shows the others on their own scale.
 */
export function renderSimulateCharts(report: SimulationReport): SimulateChart[] {
  const name = `${report.branch} from ${report.start.version}`;
  const charts = [chartOf(report, report.policies, `Open CVEs on ${name}, per policy`)];
  const moving = report.policies.filter((p) => p.policy !== 'frozen');
  if (moving.length > 0 && moving.length < report.policies.length) {
    charts.push(chartOf(report, moving, `Open CVEs on ${name}, without frozen`));
  }
  return charts;
}
