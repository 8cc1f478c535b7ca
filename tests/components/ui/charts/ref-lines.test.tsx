// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HLines, VLines } from '../../../../src/components/ui/charts/RefLines';
import { linearScale } from '../../../../src/components/ui/charts/scale';

afterEach(cleanup);

const box = { left: 50, top: 10, width: 400, height: 200 };
const sx = linearScale([0, 100], [50, 450]);
const sy = linearScale([-1, 1], [210, 10]);

describe('reference lines', () => {
  it('draws a horizontal line across the plot at each y inside the domain, dashed unless solid, with its label', () => {
    const { container } = render(<svg><HLines box={box} sy={sy} lines={[{ y: 0, color: '#888', solid: true }, { y: 0.5, label: 'K∞', color: '#123' }, { y: 3, label: 'off', color: '#f00' }]} /></svg>);
    const lines = [...container.querySelectorAll('.mmc-ref line')];
    expect(lines).toHaveLength(2); // y = 3 is outside [-1, 1]
    expect(lines.map((l) => [l.getAttribute('x1'), l.getAttribute('x2'), l.getAttribute('y1')])).toEqual([['50', '450', '110'], ['50', '450', '60']]);
    expect(lines[0].getAttribute('stroke-dasharray')).toBeNull();
    expect(lines[1].getAttribute('stroke-dasharray')).toBe('4 2');
    expect([...container.querySelectorAll('.mmc-ref text')].map((t) => t.textContent)).toEqual(['K∞']);
  });
  it('draws a vertical marker at x with its class and label, none outside the domain', () => {
    const { container } = render(<svg><VLines box={box} sx={sx} marks={[{ x: 40, label: 'replay', color: '#d35400', className: 'replay-cursor' }, { x: 140, color: '#000' }]} /></svg>);
    const marks = container.querySelectorAll('.mmc-mark');
    expect(marks).toHaveLength(1);
    const line = container.querySelector('.replay-cursor line')!;
    expect([line.getAttribute('x1'), line.getAttribute('y1'), line.getAttribute('y2')]).toEqual(['210', '10', '210']);
    expect(container.querySelector('.replay-cursor text')!.textContent).toBe('replay');
  });
});
