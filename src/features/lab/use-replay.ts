import { useEffect, useRef, useState } from 'react';
import { labStore } from '../../stores/lab-store';

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
  return { playing, setPlaying, speed, setSpeed };
}
