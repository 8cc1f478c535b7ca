import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Drawing a recharts chart costs tens of milliseconds of main-thread work (its layout effects run
 * synchronously), so a panel that draws five at once blocks the page for a few hundred ms. Charts
 * wrapped here draw one per macrotask, and only when they are near the viewport: the first time
 * behind a placeholder of the same height, later (a new `version` of their data) by keeping the
 * previous drawing on screen until their turn comes.
 */
const queue: Array<() => void> = [];
let pumping = false;

function pump() {
  const next = queue.shift();
  if (!next) { pumping = false; return; }
  next();
  // Let the browser paint and handle input between two chart draws.
  setTimeout(pump, 16);
}

function enqueue(f: () => void): () => void {
  let live = true;
  queue.push(() => { if (live) f(); });
  if (!pumping) { pumping = true; setTimeout(pump, 0); }
  return () => { live = false; };
}

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

export function StagedMount({ height, version, children }: { height: number; version: unknown; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const [shown, setShown] = useState<{ version: unknown; node: ReactNode } | null>(null);
  const latest = useRef({ version, children });
  useEffect(() => { latest.current = { version, children }; });
  useEffect(() => {
    if (!near || (shown && shown.version === version)) return;
    return enqueue(() => setShown({ version: latest.current.version, node: latest.current.children }));
  }, [near, version, shown]);
  return (
    <div ref={ref} style={{ minHeight: height }} aria-busy={shown?.version !== version}>
      {shown ? shown.node : <p className="muted">Drawing…</p>}
    </div>
  );
}
