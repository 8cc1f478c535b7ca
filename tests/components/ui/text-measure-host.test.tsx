// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Line, LineChart, XAxis, YAxis } from 'recharts';
import { ensureTextMeasureHost } from '../../../src/components/ui/text-measure-host';

afterEach(() => { cleanup(); document.body.innerHTML = ''; });

const hosts = () => document.querySelectorAll('[data-text-measure-host]');

describe('text measure host', () => {
  it("puts recharts' measuring span in one contained, hidden box, once", () => {
    ensureTextMeasureHost();
    ensureTextMeasureHost();
    expect(hosts()).toHaveLength(1);
    const host = hosts()[0] as HTMLElement;
    expect(host.style.contain).toBe('strict');
    expect(host.style.visibility).toBe('hidden');
    expect(host.getAttribute('aria-hidden')).toBe('true');
    expect(document.getElementById('recharts_measurement_span')?.parentElement).toBe(host);
  });

  it('moves a span recharts already made into the box, and recharts keeps measuring in it', () => {
    const chart = <LineChart width={300} height={150} data={[{ x: 1, y: 2 }, { x: 2, y: 3 }]}><XAxis dataKey="x" /><YAxis /><Line dataKey="y" isAnimationActive={false} /></LineChart>;
    render(chart);
    const made = document.getElementById('recharts_measurement_span');
    expect(made?.parentElement).toBe(document.body);
    ensureTextMeasureHost();
    expect(document.getElementById('recharts_measurement_span')).toBe(made);
    expect(made?.parentElement?.hasAttribute('data-text-measure-host')).toBe(true);
    cleanup();
    render(<LineChart width={300} height={150} data={[{ x: 7, y: 2 }, { x: 8, y: 3 }]}><XAxis dataKey="x" /><YAxis /><Line dataKey="y" isAnimationActive={false} /></LineChart>);
    expect(document.querySelectorAll('#recharts_measurement_span')).toHaveLength(1);
    expect(hosts()).toHaveLength(1);
  });
});
