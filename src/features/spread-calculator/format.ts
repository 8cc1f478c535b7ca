/** Number formatting shared by the calculator's outputs, ladder and formulas (bps: the lab's one fmtBps). */
export { fmtBps } from '../../lib/format';

/** Price with enough decimals to tell the bid from the ask at any price level. */
export function fmtPrice(x: number, mid: number): string {
  if (Number.isNaN(x)) return 'not quoted';
  const decimals = mid >= 10_000 ? 2 : mid >= 100 ? 4 : mid >= 1 ? 5 : 7;
  return x.toFixed(decimals);
}

/** A number for TeX: 4 significant digits, scientific form as ×10^k. */
export function texNum(x: number): string {
  if (Number.isNaN(x)) return '\\text{—}';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e6) return String(Number(x.toPrecision(4)));
  const [m, e] = x.toExponential(3).split('e');
  return `${Number(m)}\\times 10^{${Number(e)}}`;
}
