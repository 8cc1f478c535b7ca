import { useEffect, useRef, useState } from 'react';
import { labStore, useLab } from '../../stores/lab-store';
import { timeLabelFormatter } from '../../lib/time-axis';

/**
 * The replay position in words, for the scrubber's aria-valuetext and its visible value: "whole run",
 * else the share of the run and the time at the cursor (UTC; with the date when the data span more than a day).
 */
export function replayValueText(replay: number, time: ArrayLike<number> | null | undefined): string {
  if (!(replay < 1)) return 'whole run';
  const pct = `${Math.round(Math.max(0, replay) * 100)} % of the run`;
  if (!time || time.length === 0) return pct;
  const t0 = time[0], t1 = time[time.length - 1];
  return `${pct}, at ${timeLabelFormatter(t0, t1)(t0 + Math.max(0, replay) * (t1 - t0))} UTC`;
}

/** Play/pause of the replay cursor: advances by `speed` × 1% of the span per 100 ms while playing. */
export function useReplayPlayer() {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const raf = useRef(0);
  useEffect(() => {
    if (!playing) return;
    if (labStore.getState().replay >= 1) labStore.getState().setReplay(0); // play from the start again
    let last = performance.now();
    const tick = (now: number) => {
      const dt = now - last;
      last = now;
      const s = labStore.getState();
      const next = Math.min(1, s.replay + (dt / 100) * 0.01 * speed);
      s.setReplay(next);
      if (next >= 1) { setPlaying(false); return; }
      raf.current = requestAnimationFrame(tick);
    };
    raf.current = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf.current);
  }, [playing, speed]);
  const replay = useLab((st) => st.replay);
  const time = useLab((st) => st.series?.pnl.time);
  /** For the scrubber: aria-valuetext and the value shown beside it. */
  const valueText = replayValueText(replay, time);
  return { playing, setPlaying, speed, setSpeed, valueText };
}
