// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LineChart } from '../../../../src/components/ui/charts/LineChart';
import { RangeBarChart } from '../../../../src/components/ui/charts/RangeBarChart';
import { Histogram } from '../../../../src/components/ui/charts/Histogram';
import { valueAxis } from '../../../../src/lib/value-axis';

// jsdom lays nothing out: the charts read their container's width, so give every element 600 px.
const desc = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
beforeAll(() => { Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 }); });
afterAll(() => { if (desc) Object.defineProperty(HTMLElement.prototype, 'clientWidth', desc); });
afterEach(cleanup);

const yAxis = valueAxis([-20, 10], { title: true });
const xAxis = { domain: [0, 100] as const, ticks: [0, 25, 50, 75, 100], format: (v: number) => `${v}s`, title: 'time (s)' };

describe('LineChart', () => {
  it('draws one path per series (NaN gaps as new subpaths), grid lines and labels at the ticks, the legend and axis titles', () => {
    const x = [0, 25, 50, 75, 100], a = [0, 5, NaN, -10, -20], b = [0, 1, 2, 3, 4];
    const { container } = render(<LineChart x={x} series={[{ y: a, name: 'strategy', color: '#00f' }, { y: b, name: 'buy & hold', color: '#999' }]}
      xAxis={xAxis} xTip={String} yAxis={yAxis} yTitle="PnL (quote ccy)" yTip={String} height={240} legend label="test" />);
    const lines = [...container.querySelectorAll('path.mmc-line')];
    expect(lines).toHaveLength(2);
    expect(lines[0].getAttribute('d')!.match(/M/g)).toHaveLength(2); // the NaN splits it
    expect(lines[1].getAttribute('d')!.match(/M/g)).toHaveLength(1);
    expect([...container.querySelectorAll('.mmc-x-tick')].map((t) => t.textContent)).toEqual(['0s', '25s', '50s', '75s', '100s']);
    expect([...container.querySelectorAll('.mmc-y-tick')].map((t) => t.textContent)).toEqual(yAxis.ticks.map(yAxis.tickFormatter));
    // Each vertical grid line sits where its x tick label is.
    const gx = [...container.querySelectorAll('.mmc-grid-x')].map((l) => Number(l.getAttribute('x1')));
    const lx = [...container.querySelectorAll('.mmc-x-tick')].map((t) => Number(t.getAttribute('x')));
    expect(gx).toEqual(lx);
    expect(container.querySelector('.mmc-y-title')!.textContent).toBe('PnL (quote ccy)');
    expect(container.querySelector('.mmc-x-title')!.textContent).toBe('time (s)');
    expect([...container.querySelectorAll('.mmc-legend-item')].map((g) => g.textContent)).toEqual(['strategy', 'buy & hold']);
    expect(container.querySelector('svg')!.getAttribute('width')).toBe('600');
  });
  it('ends a tick label at its tick where centring it would cut it at the right edge (and starts it at the left)', () => {
    const clock = { domain: [0, 100] as const, ticks: [0, 50, 100], format: (v: number) => `00:00:0${v / 50}.000`, title: 'time (UTC)' };
    const { container } = render(<LineChart x={[0, 100]} series={[{ y: [1, 2], name: 's', color: '#00f' }]}
      xAxis={clock} xTip={String} yAxis={yAxis} yTip={String} height={200} label="t" />);
    const anchors = [...container.querySelectorAll('.mmc-x-tick')].map((t) => t.getAttribute('text-anchor'));
    expect(anchors).toEqual(['middle', 'middle', 'end']); // the y axis' room is left of the first tick
    const narrow = { ...clock, format: (v: number) => String(v) };
    const { container: c2 } = render(<LineChart x={[0, 100]} series={[{ y: [1, 2], name: 's', color: '#00f' }]}
      xAxis={narrow} xTip={String} yAxis={yAxis} yTip={String} height={200} label="t" />);
    expect([...c2.querySelectorAll('.mmc-x-tick')].map((t) => t.getAttribute('text-anchor'))).toEqual(['middle', 'middle', 'middle']);
  });

  it('draws only the points up to count, on the whole axis', () => {
    const { container } = render(<LineChart x={[0, 50, 100]} count={2} series={[{ y: [1, 2, 3], name: 's', color: '#00f', fill: '#fcc' }]}
      xAxis={xAxis} xTip={String} yAxis={yAxis} yTip={String} height={200} label="t" />);
    expect(container.querySelector('path.mmc-line')!.getAttribute('d')!.match(/[ML]/g)).toHaveLength(2);
    expect(container.querySelector('path.mmc-area')!.getAttribute('d')).toMatch(/Z$/);
    expect(container.querySelectorAll('.mmc-x-tick')).toHaveLength(5);
  });
});

describe('RangeBarChart and Histogram', () => {
  it('draws a bar per category over its own [lo, hi] in its colour, with wrapped category labels', () => {
    const bars = [{ name: 'Spread capture', lo: 0, hi: 5, value: 5, color: '#0a0' }, { name: 'Net', lo: -3, hi: 0, value: -3, color: '#222' }];
    const { container } = render(<RangeBarChart bars={bars} yAxis={valueAxis([-3, 5], { title: true })} yTip={String} seriesName="PnL" height={240} label="t" />);
    const rects = [...container.querySelectorAll('rect.mmc-bar')];
    expect(rects.map((r) => r.getAttribute('fill'))).toEqual(['#0a0', '#222']);
    const h = rects.map((r) => Number(r.getAttribute('height')));
    expect(h[0] / h[1]).toBeCloseTo(5 / 3, 1);
    expect(container.querySelector('.mmc-x-tick')!.querySelectorAll('tspan')).toHaveLength(2);
  });
  it('draws a bar per non-empty bin, heights in proportion to the counts', () => {
    const { container } = render(<Histogram edges={[0, 1, 2, 3, 4]} counts={[2, 0, 4, 1]} xAxis={valueAxis([0, 4])} xTip={String} yTitle="buckets" color="#80a" height={220} label="t" />);
    const rects = [...container.querySelectorAll('rect.mmc-bar')];
    expect(rects.map((r) => r.getAttribute('data-count'))).toEqual(['2', '4', '1']);
    const h = rects.map((r) => Number(r.getAttribute('height')));
    expect(h[1] / h[0]).toBeCloseTo(2, 5);
    expect([...container.querySelectorAll('.mmc-y-tick')].every((t) => /^\d+$/.test(t.textContent ?? ''))).toBe(true);
  });
});

describe('marks and reference lines in the charts', () => {
  it('draws a LineChart series at its width and opacity, a replay-cursor mark and a labelled reference line', () => {
    const { container } = render(<LineChart x={[0, 50, 100]} count={2} series={[{ y: [1, 2, 3], name: 'K', color: '#00f', width: 4, opacity: 0.6 }]}
      refLines={[{ y: 5, label: 'K∞ = 5', color: '#000', below: true }]} marks={[{ x: 50, label: 'replay', color: '#d35400', className: 'replay-cursor' }]}
      xAxis={xAxis} xTip={String} yAxis={yAxis} yTip={String} height={200} label="t" />);
    const line = container.querySelector('path.mmc-line')!;
    expect([line.getAttribute('stroke-width'), line.getAttribute('stroke-opacity')]).toEqual(['4', '0.6']);
    const cursor = container.querySelector('.replay-cursor line')!;
    // The cursor sits on the last point drawn.
    expect(Number(cursor.getAttribute('x1'))).toBeCloseTo(Number(line.getAttribute('d')!.split('L')[1].split(',')[0]), 0);
    expect(container.querySelector('.mmc-ref text')!.textContent).toBe('K∞ = 5');
  });
  it('draws reference lines over range bars (zero and a band)', () => {
    const bars = [{ name: '1', lo: 0, hi: 0.2, value: 0.2, color: '#00f' }, { name: '2', lo: -0.1, hi: 0, value: -0.1, color: '#00f' }];
    const { container } = render(<RangeBarChart bars={bars} refLines={[{ y: 0, color: '#888', solid: true }, { y: 0.15, color: '#b00' }, { y: -0.15, color: '#b00' }]}
      yAxis={valueAxis([-0.2, 0.2], { title: true })} yTip={String} seriesName="ρ" height={240} label="t" />);
    expect(container.querySelectorAll('.mmc-ref line')).toHaveLength(3);
    expect(container.querySelectorAll('rect.mmc-bar')).toHaveLength(2);
  });
});

describe('stacked areas, wrapped legends and bars without a value', () => {
  it('stacks the series: each line at the running sum, each fill a band over the one below; the tooltip values stay their own', () => {
    const y01 = valueAxis([0, 1], { title: true });
    const { container } = render(<LineChart x={[0, 50, 100]} stacked series={[
      { y: [0.2, 0.5, 0.1], name: 'a', color: '#0a0', fill: '#0a0', fillOpacity: 0.55 },
      { y: [0.8, 0.5, 0.9], name: 'b', color: '#a00', fill: '#a00', fillOpacity: 0.55 },
    ]} xAxis={xAxis} xTip={String} yAxis={y01} yTip={String} height={200} label="t" />);
    const [a, b] = [...container.querySelectorAll('path.mmc-line')].map((l) => l.getAttribute('d')!);
    // The top series sums to 1 everywhere: a flat line at the top of the plot.
    const ys = b.split(/[ML]/).filter(Boolean).map((pt) => Number(pt.split(',')[1]));
    expect(new Set(ys).size).toBe(1);
    expect(a).not.toBe(b);
    const areas = [...container.querySelectorAll('path.mmc-area')];
    expect(areas.map((p) => p.getAttribute('fill-opacity'))).toEqual(['0.55', '0.55']);
    expect(areas[1].getAttribute('d')!.match(/L/g)!.length).toBe(5); // 3 points up, 3 back down (the first is M)
  });
  it('wraps a long legend onto a second row and moves the plot down for it', () => {
    const names = ['Bull', 'Bear', 'Sideways', 'no regime (strategy without regimes)', 'one more long name here'];
    const series = names.map((name) => ({ y: [1, 2, 3], name, color: '#000' }));
    const one = render(<LineChart x={[0, 50, 100]} series={series.slice(0, 2)} legend xAxis={xAxis} xTip={String} yAxis={yAxis} yTip={String} height={240} label="t" />);
    const top1 = Number(one.container.querySelector('.mmc-overlay')!.getAttribute('y'));
    cleanup();
    const two = render(<LineChart x={[0, 50, 100]} series={series} legend xAxis={xAxis} xTip={String} yAxis={yAxis} yTip={String} height={240} label="t" />);
    const rows = new Set([...two.container.querySelectorAll('.mmc-legend-item line')].map((l) => l.getAttribute('y1')));
    expect(rows.size).toBe(2);
    expect(Number(two.container.querySelector('.mmc-overlay')!.getAttribute('y'))).toBeGreaterThan(top1);
  });
  it('keeps a category without a value (NaN) as a label but draws no bar for it', () => {
    const bars = [{ name: 'Bull', lo: 0, hi: 40, value: 40, color: '#0a0' }, { name: 'Bear', lo: NaN, hi: NaN, value: NaN, color: '#a00' }];
    const { container } = render(<RangeBarChart bars={bars} yAxis={valueAxis([0, 40], { title: true })} yTip={String} seriesName="PnL share (%)" height={220} label="t" />);
    expect(container.querySelectorAll('rect.mmc-bar')).toHaveLength(1);
    expect([...container.querySelectorAll('.mmc-x-tick')].map((t) => t.textContent)).toEqual(['Bull', 'Bear']);
  });
});

describe('markout- and intensity-style charts', () => {
  it('draws error bars, dots on a line, a dashed line, and reads a value ± its error on hover, on a log x', () => {
    const x = [1, 10, 100];
    const { container } = render(<LineChart x={x} xLog series={[
      { y: [-1, -2, -3], err: [0.5, 0.5, NaN], name: 'our buys', color: '#0a0', points: true },
      { y: [0, 1, 2], name: 'all', color: '#444', dash: '4 2' },
    ]} xAxis={{ domain: [1, 100], ticks: x, format: String, title: 'horizon (s)' }} xTip={String} yAxis={yAxis} yTip={String} height={240} label="t" />);
    expect(container.querySelector('path.mmc-err')!.getAttribute('d')!.match(/M/g)).toHaveLength(6); // two bars, three strokes each
    expect(container.querySelector('path.mmc-points')!.getAttribute('d')!.match(/M/g)).toHaveLength(3);
    expect(container.querySelectorAll('path.mmc-line')[1].getAttribute('stroke-dasharray')).toBe('4 2');
    // Equal ratios, equal room: 10 sits halfway between 1 and 100.
    const tx = [...container.querySelectorAll('.mmc-x-tick')].map((t) => Number(t.getAttribute('x')));
    expect(tx[1] - tx[0]).toBeCloseTo(tx[2] - tx[1], 5);
  });
  it('draws a band between lower and y as an area without a line, on a log y with gaps for values ≤ 0', () => {
    const { container } = render(<LineChart x={[0, 1, 2]} yLog series={[
      { y: [5, 4, 3], lower: [3, 2, NaN], name: '95 % band', color: '#9bd', fill: '#9bd', fillOpacity: 0.4 },
      { y: [4, 0, 2], name: 'empirical', color: '#148' },
    ]} xAxis={{ domain: [0, 2], ticks: [0, 1, 2], format: String }} xTip={String} yAxis={{ ...valueAxis([1, 10]), domain: [1, 10], ticks: [1, 10] }} yTip={String} height={240} label="t" />);
    expect(container.querySelectorAll('path.mmc-line')).toHaveLength(1);
    expect(container.querySelector('path.mmc-band')!.getAttribute('d')!.endsWith('Z')).toBe(true);
    // 0 has no place on a log axis: the line breaks there.
    expect(container.querySelector('path.mmc-line')!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
  });
});

describe('series on their own x', () => {
  it('draws each curve over its own x, whole, on the shared axis', () => {
    const { container } = render(<LineChart x={[0, 50, 100]} count={1} series={[
      { x: [0, 100], y: [1, 2], name: 'two points', color: '#00f' },
      { x: [0, 25, 50, 75, 100], y: [1, 2, 3, 4, 5], name: 'five points', color: '#f00' },
    ]} xAxis={xAxis} xTip={String} yAxis={yAxis} yTip={String} height={200} label="t" />);
    const [a, b] = [...container.querySelectorAll('path.mmc-line')].map((l) => l.getAttribute('d')!);
    expect(a.match(/[ML]/g)).toHaveLength(2);
    expect(b.match(/[ML]/g)).toHaveLength(5);
    // Both end at the right end of the plot (x = 100), whatever the shared count.
    const end = (d: string) => Number(d.split(/[ML]/).filter(Boolean).at(-1)!.split(',')[0]);
    expect(end(a)).toBe(end(b));
  });
});
