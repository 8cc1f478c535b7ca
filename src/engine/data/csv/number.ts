/** Exact powers of ten up to 1e22 (all exactly representable in binary64). */
export const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Where the last fast number scan stopped (a module slot avoids allocating a result object per field). */
export let scanEnd = 0;

/**
 * Fast path for a plain decimal in bytes [p, end): optional sign, digits, optional '.' and
 * digits. Returns NaN when the text is not that shape or has more than 15 significant digits
 * (then the caller falls back to the general parser); `scanEnd` is where it stopped. With at
 * most 15 digits the mantissa is an exact integer and one division by an exact power of ten
 * is correctly rounded (IEEE 754 §4.3), so results equal Number(text).
 */
export function scanDecimal(b: Uint8Array, p: number, end: number): number {
  let neg = false;
  if (p < end) {
    const s = b[p];
    if (s === 45) {
      neg = true;
      p++;
    } else if (s === 43) p++;
  }
  // Integer part, then fraction: one branch per digit. The mantissa m (all digits, the point
  // dropped) stays exact below 2^53, and at most 15 significant digits is exactly m < 1e15
  // (leading zeros add nothing; once m passes 1e15 its rounded value cannot fall back below).
  const start = p;
  let m = 0;
  while (p < end) {
    const c = b[p] - 48;
    if (c < 0 || c > 9) break;
    m = m * 10 + c;
    p++;
  }
  let digits = p - start, frac = 0;
  if (p < end && b[p] === 46) {
    const f = ++p;
    while (p < end) {
      const c = b[p] - 48;
      if (c < 0 || c > 9) break;
      m = m * 10 + c;
      p++;
    }
    frac = p - f;
    digits += frac;
  }
  scanEnd = p;
  if (digits === 0 || m >= 1e15 || frac > 22) return NaN;
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

/** Digit count of the last integer epoch stamp read: the next one is tried at that length first (one pass). */
let lastEpochDigits = 0;

/**
 * Fast path for an integer epoch stamp in bytes [p, end) with `unitDigits` sub-second digits
 * (0 s, 3 ms, 6 µs, 9 ns) → seconds. The whole seconds and the sub-second digits are summed
 * after converting each exactly (two small integers, e.g. 10 + 9 digits for ns), so a 19-digit
 * ns stamp is rounded once. NaN (and `scanEnd` at the first non-digit) when the text is not a
 * plain unsigned integer of up to 19 digits.
 */
export function scanEpochInteger(b: Uint8Array, p: number, end: number, unitDigits: number): number {
  // One pass when the stamp has as many digits as the last one (the common case: a file's
  // stamps share their width): both halves are read and checked as they are accumulated.
  const n0 = lastEpochDigits;
  if (n0 > unitDigits && p + n0 <= end && (p + n0 === end || b[p + n0] - 48 < 0 || b[p + n0] - 48 > 9)) {
    const split = p + n0 - unitDigits, stop = p + n0;
    let hi = 0, lo = 0, k = p;
    for (; k < split; k++) {
      const c = b[k] - 48;
      if (c < 0 || c > 9) break;
      hi = hi * 10 + c;
    }
    if (k === split) {
      for (; k < stop; k++) {
        const c = b[k] - 48;
        if (c < 0 || c > 9) break;
        lo = lo * 10 + c;
      }
      if (k === stop) {
        scanEnd = stop;
        return unitDigits === 0 ? hi : hi + lo / POW10[unitDigits];
      }
    }
  }
  const start = p;
  while (p < end) {
    const c = b[p];
    if (c < 48 || c > 57) break;
    p++;
  }
  scanEnd = p;
  const n = p - start;
  if (n === 0 || n > 19) return NaN;
  lastEpochDigits = n;
  const split = n > unitDigits ? p - unitDigits : start;
  let hi = 0, lo = 0;
  for (let k = start; k < split; k++) hi = hi * 10 + (b[k] - 48);
  for (let k = split; k < p; k++) lo = lo * 10 + (b[k] - 48);
  return unitDigits === 0 ? hi : hi + lo / POW10[unitDigits];
}

/**
 * Fast path for decimal epoch seconds in bytes [p, end): [-]digits[.digits], e.g.
 * 1723161255.088169167 or LOBSTER's 34200.004241176. The whole seconds and the fraction are
 * converted separately and summed (one rounding), so 19 significant digits cost no more than
 * an integer. NaN (then the caller takes the general parser) when the text is not that shape or
 * its whole part exceeds 15 digits; `scanEnd` is where it stopped.
 */
export function scanEpochSeconds(b: Uint8Array, p: number, end: number): number {
  let neg = false;
  if (p < end && b[p] === 45) {
    neg = true;
    p++;
  }
  const start = p;
  let hi = 0;
  while (p < end) {
    const c = b[p] - 48;
    if (c < 0 || c > 9) break;
    hi = hi * 10 + c;
    p++;
  }
  const whole = p - start;
  let lo = 0, k = 0, frac = 0;
  if (p < end && b[p] === 46) {
    p++;
    while (p < end) {
      const c = b[p] - 48;
      if (c < 0 || c > 9) break;
      // Digits past the 15th (below a femtosecond) cannot change a double near 1e9 s.
      if (k < 15) {
        lo = lo * 10 + c;
        k++;
      }
      frac++;
      p++;
    }
  }
  scanEnd = p;
  if (whole + frac === 0 || whole > 15) return NaN;
  const v = k === 0 ? hi : hi + lo / POW10[k];
  return neg ? -v : v;
}
