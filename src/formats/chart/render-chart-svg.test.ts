import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binValues, renderHistogramSvg } from './render-histogram-svg.js';
import { renderLineChartSvg } from './render-line-chart-svg.js';
import { svgDataUri } from './svg-data-uri.js';

describe('binValues', () => {
  it('counts values, clamping the tails into the edge bins', () => {
    const bins = binValues([-500, -30, -1, 0, 5, 29, 30, 999], { min: -60, max: 60, width: 30 });
    assert.deepEqual(
      bins.map((b) => [b.from, b.to, b.count]),
      [
        [-60, -30, 1],
        [-30, 0, 2],
        [0, 30, 3],
        [30, 60, 2],
      ],
    );
  });
});

describe('renderLineChartSvg', () => {
  const chart = {
    title: 'open CVEs <by> policy',
    xLabel: 'date',
    yLabel: 'open',
    series: [
      {
        name: 'frozen & "old"',
        points: [
          { x: '2024-01-01', y: 0 },
          { x: '2024-07-01', y: 10 },
        ],
      },
      {
        name: 'track',
        points: [
          { x: '2024-01-01', y: 0 },
          { x: '2024-07-01', y: 2 },
        ],
      },
    ],
  };
  it('is a standalone SVG with escaped labels, a polyline per series and a legend', () => {
    const svg = renderLineChartSvg(chart).text;
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /open CVEs &lt;by&gt; policy/);
    assert.match(svg, /frozen &amp; &quot;old&quot;/);
    assert.equal(svg.match(/<polyline /g)?.length, 2);
    assert.ok(svg.trimEnd().endsWith('</svg>'));
  });
  it('is byte-stable', () => assert.equal(renderLineChartSvg(chart).text, renderLineChartSvg(chart).text));
  it('rejects mixed x kinds it cannot place', () =>
    assert.throws(() => renderLineChartSvg({ ...chart, series: [{ name: 'x', points: [{ x: 'soon', y: 1 }] }] })));
  it('step lines add a corner per point', () => {
    const svg = renderLineChartSvg({ ...chart, series: [chart.series[0]!], step: true }).text;
    const points = /points="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? [];
    assert.equal(points.length, 3);
  });
});

describe('renderHistogramSvg', () => {
  it('draws one bar per bin and the markers', () => {
    const svg = renderHistogramSvg({
      title: 'lag',
      xLabel: 'days',
      yLabel: 'CVEs',
      bins: binValues([1, 2, 40], { min: 0, max: 60, width: 30 }),
      markers: [{ x: 0, label: 'published' }],
    }).text;
    assert.equal(svg.match(/<rect x=/g)?.length, 2);
    assert.match(svg, /<title>0 to 30: 2<\/title>/);
    assert.match(svg, />published</);
  });
  it('embeds as a base64 data URI', () =>
    assert.match(
      svgDataUri(renderHistogramSvg({ title: 't', xLabel: 'x', yLabel: 'y', bins: [] })),
      /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/,
    ));
});
