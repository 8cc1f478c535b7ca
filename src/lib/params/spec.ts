/**
 * One parameter system: every numeric parameter of the calculator and the backtest is declared once
 * as a ParamSpec (name, symbol, unit, range, default, URL key), and every way a value comes in (a
 * slider, a typed number, a shared link, a value carried from the calculator to the backtest or back)
 * goes through `applyParam`, which clamps into range and always says so in a notice.
 */
export interface ParamSpec<K extends string = string> {
  key: K;
  /** Short key in shared URLs (unique across the app). */
  urlKey: string;
  label: string;
  symbol: string;
  unit: string;
  min: number;
  max: number;
  scale: 'linear' | 'log';
  /** Granularity of typed and slider values. */
  step: number;
  integer?: boolean;
  /** undefined: calibrated from the data unless set (backtest only). */
  default: number | undefined;
}

/** The outcome of one value coming in: the value to keep and, when it differs from what came in or was refused, why. */
export interface Applied {
  value: number;
  /** Plain text naming the parameter, what came in, what was kept and the allowed range. */
  notice?: string;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function shown(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : String(raw);
  return JSON.stringify(text.length > 24 ? `${text.slice(0, 24)}…` : text);
}

function roundToStep(x: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const k = Math.round(x / step);
  // Far above the step (a 10^9-lot limit on a 10^-6 step) the step is below what a double holds
  // exactly: keep 12 significant digits instead, so rounding twice gives the same value.
  if (Math.abs(k) > 2 ** 40) return Number(x.toPrecision(12));
  return Number((k * step).toFixed(decimals));
}

export function rangeText(spec: ParamSpec): string {
  return `${spec.min} to ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}`;
}

/** Rounds to the spec's step (whole numbers when integer) and clamps into its range; no −0. */
export function clampToSpec(spec: ParamSpec, value: number): { value: number; clamped: boolean } {
  const inRange = Math.min(spec.max, Math.max(spec.min, value));
  const stepped = spec.integer ? Math.round(inRange) : roundToStep(inRange, spec.step);
  const bounded = Math.min(spec.max, Math.max(spec.min, stepped));
  return { value: bounded === 0 ? 0 : bounded, clamped: value < spec.min || value > spec.max };
}

/**
 * A value for `spec` from a number or text (a link's field). A number outside the range is clamped,
 * a fraction for a whole-number parameter rounded, with a notice each time; anything that is not a
 * number keeps `fallback` (the current or default value), with a notice.
 */
export function applyParam(spec: ParamSpec, raw: number | string, fallback: number | undefined): Applied | { value: undefined; notice: string } {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const n = typeof raw === 'number' ? raw : NUMBER_TEXT.test(text) ? Number(text) : Number.NaN;
  const name = `${spec.label} (${spec.symbol})`;
  if (!Number.isFinite(n)) {
    const kept = fallback === undefined ? 'the calibrated value' : String(fallback);
    return { value: fallback as number, notice: `${name}: expected a number from ${rangeText(spec)}, got ${shown(raw)}; kept ${kept}.` };
  }
  const { value, clamped } = clampToSpec(spec, n);
  if (clamped) return { value, notice: `${name} = ${n} is out of range; clamped to ${value} (allowed ${rangeText(spec)}).` };
  if (spec.integer && !Number.isInteger(n)) return { value, notice: `${name} takes whole numbers; ${n} rounded to ${value}.` };
  return { value };
}
