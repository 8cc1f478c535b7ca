import { useEffect, useState } from 'react';
import { Area, AreaChart, Bar, BarChart, Brush, CartesianGrid, Cell, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { drawSlot } from './draw-queue';

const ROWS = Array.from({ length: 24 }, (_, i) => ({ t: i, a: Math.sin(i / 3), b: Math.cos(i / 4), c: i % 5 === 0 ? null : i / 24 }));
const SIZE = { width: 320, height: 160 } as const;

/** Each step adds more of what the lab's charts use, so no single step is long even with cold code. */
const STEPS = [
  () => <LineChart {...SIZE} data={ROWS}><XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} /><YAxis /></LineChart>,
  () => <LineChart {...SIZE} data={ROWS}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} label={{ value: 'x', position: 'insideBottom' }} /><YAxis domain={['auto', 'auto']} /><Line dataKey="a" dot={false} isAnimationActive={false} /></LineChart>,
  () => <LineChart {...SIZE} data={ROWS}><CartesianGrid /><XAxis dataKey="t" type="number" /><YAxis /><Tooltip /><Legend /><ReferenceLine y={0} label="0" /><Line dataKey="a" dot={false} isAnimationActive={false} type="stepAfter" /><Line dataKey="c" dot={false} connectNulls={false} isAnimationActive={false} /></LineChart>,
  () => <LineChart {...SIZE} data={ROWS}><XAxis dataKey="t" type="number" /><YAxis /><Line dataKey="a" isAnimationActive={false} /><Line dataKey="b" dot={false} isAnimationActive={false} /><Brush dataKey="t" height={14} /></LineChart>,
  () => <AreaChart {...SIZE} data={ROWS}><CartesianGrid /><XAxis dataKey="t" type="number" /><YAxis /><Tooltip /><Area dataKey="a" stackId="s" isAnimationActive={false} /><Area dataKey="b" stackId="s" isAnimationActive={false} /></AreaChart>,
  () => <BarChart {...SIZE} data={ROWS}><CartesianGrid /><XAxis dataKey="t" /><YAxis /><Tooltip /><Bar dataKey="a" isAnimationActive={false}>{ROWS.map((r) => <Cell key={r.t} fill="#888" />)}</Bar></BarChart>,
];

/**
 * Draws small throw-away charts off screen, one step per draw-queue turn, while the page waits
 * for its first data. The first drawing of a recharts chart is 2–4 times slower than later ones
 * (cold code, empty text-measurement cache); doing that first here, in small steps, keeps the
 * lab's first real charts from blocking the page for 50–130 ms each. Unmounts when done.
 */
export function ChartWarmUp() {
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (step > STEPS.length) return;
    const slot = drawSlot(() => setStep((s) => s + 1));
    slot.request();
    return () => slot.cancel();
  }, [step]);
  if (step === 0 || step > STEPS.length) return null;
  return <div aria-hidden="true" style={{ position: 'fixed', left: -10_000, top: 0, width: SIZE.width, height: SIZE.height, overflow: 'hidden', pointerEvents: 'none' }}>{STEPS[step - 1]()}</div>;
}
