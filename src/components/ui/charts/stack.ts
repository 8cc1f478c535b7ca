/**
 * Running sums of the series for a stacked chart: out[k][i] = ys[0][i] + … + ys[k][i] over the first
 * n points (a NaN anywhere below makes the sums above it NaN: a gap, as in the series). Drawing only:
 * the values a tooltip reads stay the series' own.
 */
export function stackColumns(ys: ReadonlyArray<ArrayLike<number>>, n: number): Float64Array[] {
  const out: Float64Array[] = [];
  let below: Float64Array | null = null;
  for (const y of ys) {
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) s[i] = (below ? below[i] : 0) + y[i];
    out.push(s);
    below = s;
  }
  return out;
}
