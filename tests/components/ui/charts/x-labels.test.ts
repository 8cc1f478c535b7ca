import { describe, expect, it } from 'vitest';
import { xLabels } from '../../../../src/components/ui/charts/Axes';
import { plotBox } from '../../../../src/components/ui/charts/layout';

// A chart a third of a 1400 px page wide: a 358 px plot inside its margins.
const box = plotBox(430, 240, { top: 10, right: 16, bottom: 40, left: 56 });
const at = (vs: number[], lo: number, hi: number) => vs.map((v) => ({ v, p: box.left + ((v - lo) / (hi - lo)) * box.width }));
const clock = (v: number) => new Date(v * 1000).toISOString().slice(11, 19);

describe('xLabels', () => {
  it('writes every label when they fit, centred', () => {
    const ticks = at([60, 120, 180, 240], 0, 300);
    const out = xLabels(ticks, clock, box);
    expect(out.map((l) => l.label)).toEqual(['00:01:00', '00:02:00', '00:03:00', '00:04:00']);
    expect(out.map((l) => l.anchor)).toEqual(['middle', 'middle', 'middle', 'middle']);
  });

  it('drops a label that would run into the one before (05:00 pushed left at the edge of a 5 min 5 s span), keeping the others', () => {
    const ticks = at([60, 120, 180, 240, 300], 0, 305);
    const out = xLabels(ticks, clock, box);
    expect(out.map((l) => l.label)).toEqual(['00:01:00', '00:02:00', '00:03:00', '00:04:00']);
    // No two kept labels overlap (6.2 px a character, the estimate the axis lays out with).
    const extent = (l: (typeof out)[number]) => { const w = l.label.length * 6.2; const left = l.anchor === 'start' ? l.p : l.anchor === 'end' ? l.p - w : l.p - w / 2; return [left, left + w]; };
    for (let k = 1; k < out.length; k++) expect(extent(out[k])[0]).toBeGreaterThan(extent(out[k - 1])[1]);
  });

  it('on a narrow chart keeps every other label rather than a pile (05:00, pushed left at the edge, would touch 03:00)', () => {
    const narrow = plotBox(250, 200, { top: 10, right: 16, bottom: 40, left: 56 }); // a 178 px plot: a minute is 36 px, a label 50
    const ticks = [60, 120, 180, 240, 300].map((v) => ({ v, p: narrow.left + (v / 300) * narrow.width }));
    expect(xLabels(ticks, clock, narrow).map((l) => l.label)).toEqual(['00:01:00', '00:03:00']);
  });
});
