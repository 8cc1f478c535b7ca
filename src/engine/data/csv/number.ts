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
  let c = p < end ? b[p] : 0;
  if (c === 45) {
    neg = true;
    p++;
  } else if (c === 43) p++;
  let m = 0, sig = 0, seen = 0, frac = 0, dot = false;
  for (; p < end; p++) {
    c = b[p];
    if (c >= 48 && c <= 57) {
      seen++;
      if (sig > 0 || c !== 48) sig++;
      m = m * 10 + (c - 48);
      if (dot) frac++;
    } else if (c === 46 && !dot) dot = true;
    else break;
  }
  scanEnd = p;
  if (seen === 0 || sig > 15 || frac > 22) return NaN;
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

/**
 * Fast path for an integer epoch stamp in bytes [p, end) with `unitDigits` sub-second digits
 * (0 s, 3 ms, 6 µs, 9 ns) → seconds. The whole seconds and the sub-second digits are summed
 * after converting each exactly, so a 19-digit ns stamp is rounded once. NaN (and `scanEnd`
 * at the first non-digit) when the text is not a plain unsigned integer of up to 19 digits.
 */
export function scanEpochInteger(b: Uint8Array, p: number, end: number, unitDigits: number): number {
  const start = p;
  while (p < end) {
    const c = b[p];
    if (c < 48 || c > 57) break;
    p++;
  }
  scanEnd = p;
  const n = p - start;
  if (n === 0 || n > 19) return NaN;
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
