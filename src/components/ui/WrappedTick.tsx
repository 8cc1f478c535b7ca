/**
 * A category-axis tick whose label breaks between words onto two lines, so long category names
 * ("Adverse selection", "Inventory carry") stay apart on a narrow chart instead of overlapping.
 */
export function WrappedTick({ x = 0, y = 0, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const words = String(payload?.value ?? '').split(' ');
  const half = Math.ceil(words.length / 2);
  const lines = words.length > 1 ? [words.slice(0, half).join(' '), words.slice(half).join(' ')] : words;
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="middle" fontSize={11} fill="#555" className="wrapped-tick">
      {lines.map((l, i) => <tspan key={i} x={Number(x)} dy={i === 0 ? 10 : 12}>{l}</tspan>)}
    </text>
  );
}
