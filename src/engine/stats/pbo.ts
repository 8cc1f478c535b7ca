import { ParamError, integerIn } from '../util/validate';

export interface PboOptions {
  /** S: the number of equal row blocks, even, from 2 to 16 (C(S, S/2) combinations). */
  splits: number;
  /** Performance statistic of a configuration on a set of rows: 'sharpe' (mean / sd, n − 1 divisor; the paper's) or 'mean'. Default 'sharpe'. */
  statistic?: 'sharpe' | 'mean';
}

export interface PboResult {
  /** Probability of backtest overfitting: the share of combinations whose logit λ ≤ 0. */
  pbo: number;
  /** λ_c = ln(ω_c / (1 − ω_c)) per combination, combinations in lexicographic order of their in-sample blocks. */
  logits: Float64Array;
  combinations: number;
  splits: number;
  /** Rows used: the last S·⌊T/S⌋ (the first T mod S rows are dropped so the blocks are equal). */
  rowsUsed: number;
  statistic: 'sharpe' | 'mean';
}

const MAX_SPLITS = 16;

function statOf(sum: number, sumSq: number, n: number, statistic: 'sharpe' | 'mean'): number {
  const mean = sum / n;
  if (statistic === 'mean') return mean;
  const ss = Math.max(0, sumSq - n * mean * mean);
  const sd = Math.sqrt(ss / (n - 1));
  if (sd > 1e-13 * Math.abs(mean)) return mean / sd;
  return mean > 0 ? Infinity : mean < 0 ? -Infinity : 0;
}

/**
 * Probability of backtest overfitting by combinatorially symmetric cross-validation (Bailey,
 * Borwein, López de Prado & Zhu 2017, §2.1): the T × N matrix (T time buckets, N configurations,
 * given as N columns) is cut into S equal row blocks; for each of the C(S, S/2) ways to pick S/2
 * blocks as in-sample (the rest out-of-sample), the configuration n* best in-sample gets its
 * out-of-sample relative rank ω = rank/(N + 1) (rank 1 = worst, ties at the mid-rank) and the logit
 * λ = ln(ω/(1 − ω)); PBO is the share of λ ≤ 0. In-sample ties go to the lowest column. Deterministic.
 */
export function pbo(performance: Float64Array[], options: PboOptions): PboResult {
  if (!Array.isArray(performance) || performance.length < 2) throw new ParamError('performance', 'at least 2 columns (configurations)', Array.isArray(performance) ? performance.length : performance);
  const N = performance.length;
  const T = performance[0]?.length ?? 0;
  performance.forEach((col, n) => {
    if (!(col instanceof Float64Array)) throw new ParamError(`performance[${n}]`, 'a Float64Array column', col);
    if (col.length !== T) throw new ParamError(`performance[${n}].length`, `${T} (every column as long as the first)`, col.length);
  });
  const S = integerIn('splits', options?.splits, 2, MAX_SPLITS);
  if (S % 2 !== 0) throw new ParamError('splits', 'an even number', S);
  const statistic = options.statistic ?? 'sharpe';
  if (statistic !== 'sharpe' && statistic !== 'mean') throw new ParamError('statistic', "'sharpe' or 'mean'", statistic);
  const m = Math.floor(T / S);
  // A Sharpe on S/2 blocks needs at least 2 rows.
  if (m < 1 || (statistic === 'sharpe' && (m * S) / 2 < 2)) throw new ParamError('splits', `small enough for ${T} rows (every block needs a row, every half two)`, S);
  const first = T - m * S;
  // Block sums and sums of squares, [n·S + s].
  const bSum = new Float64Array(N * S);
  const bSq = new Float64Array(N * S);
  for (let n = 0; n < N; n++) {
    const col = performance[n];
    for (let s = 0; s < S; s++) {
      let a = 0, b = 0;
      for (let t = first + s * m; t < first + (s + 1) * m; t++) {
        const v = col[t];
        if (!Number.isFinite(v)) throw new ParamError(`performance[${n}][${t}]`, 'a finite number', v);
        a += v; b += v * v;
      }
      bSum[n * S + s] = a; bSq[n * S + s] = b;
    }
  }
  const half = S / 2;
  let combos = 1;
  for (let k = 1; k <= half; k++) combos = (combos * (S - half + k)) / k;
  const logits = new Float64Array(combos);
  const pick = Int32Array.from({ length: half }, (_, k) => k);
  const inIs = new Uint8Array(S);
  const oos = new Float64Array(N);
  const rows = m * half;
  let overfit = 0;
  for (let c = 0; c < combos; c++) {
    inIs.fill(0);
    for (let k = 0; k < half; k++) inIs[pick[k]] = 1;
    let best = -1, bestIs = -Infinity;
    for (let n = 0; n < N; n++) {
      let sI = 0, qI = 0, sO = 0, qO = 0;
      for (let s = 0; s < S; s++) {
        if (inIs[s] === 1) { sI += bSum[n * S + s]; qI += bSq[n * S + s]; } else { sO += bSum[n * S + s]; qO += bSq[n * S + s]; }
      }
      const is = statOf(sI, qI, rows, statistic);
      if (best < 0 || is > bestIs) { best = n; bestIs = is; }
      oos[n] = statOf(sO, qO, rows, statistic);
    }
    let below = 0, ties = 0;
    const o = oos[best];
    for (let n = 0; n < N; n++) { if (oos[n] < o) below++; else if (n !== best && oos[n] === o) ties++; }
    const omega = (1 + below + 0.5 * ties) / (N + 1);
    const lambda = Math.log(omega / (1 - omega));
    logits[c] = lambda;
    if (lambda <= 0) overfit++;
    // Next combination in lexicographic order.
    let k = half - 1;
    while (k >= 0 && pick[k] === S - half + k) k--;
    if (k < 0) break;
    pick[k]++;
    for (let j = k + 1; j < half; j++) pick[j] = pick[j - 1] + 1;
  }
  return { pbo: overfit / combos, logits, combinations: combos, splits: S, rowsUsed: m * S, statistic };
}
