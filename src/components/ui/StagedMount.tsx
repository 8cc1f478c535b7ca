import { useEffect, useRef, useState, type ReactNode } from 'react';
import { drawSlot, type DrawSlot } from './draw-queue';

/** Whether the element is within 300 px of the viewport; always true where IntersectionObserver is missing. */
function useNearViewport(ref: React.RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), { rootMargin: '300px' });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return near;
}

/**
 * A chart's drawing is one synchronous commit, so a panel that draws all its charts at once adds
 * their costs up in one task. Charts wrapped here draw through the page-wide draw queue (one per
 * macrotask) and only when they are near the viewport:
 * the first time behind a placeholder of the same height, later (a new `version` of their data)
 * by keeping the previous drawing on screen until their turn comes, then drawing the newest data.
 */
export function StagedMount({ height, version, children }: { height: number; version: unknown; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const [shown, setShown] = useState<{ version: unknown; node: ReactNode } | null>(null);
  const latest = useRef({ version, children });
  useEffect(() => { latest.current = { version, children }; });
  const slot = useRef<DrawSlot | null>(null);
  useEffect(() => {
    const s = drawSlot(() => {
      const { version: v, children: node } = latest.current;
      setShown((prev) => (prev && prev.version === v ? prev : { version: v, node }));
    });
    slot.current = s;
    return () => { s.cancel(); slot.current = null; };
  }, []);
  useEffect(() => {
    if (!near || (shown && shown.version === version)) slot.current?.cancel();
    else slot.current?.request();
  }, [near, version, shown]);
  return (
    <div ref={ref} style={{ minHeight: height }} aria-busy={shown?.version !== version}>
      {shown ? shown.node : <p className="muted">Drawing…</p>}
    </div>
  );
}
