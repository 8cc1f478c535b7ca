/**
 * Parameter checks shared by the engine. Every failure names the parameter, what was
 * expected and what was given, so the UI can show it next to the right control.
 */
export class ParamError extends RangeError {
  readonly param: string;
  constructor(param: string, expected: string, got: unknown) {
    super(`${param} must be ${expected} (got ${formatGot(got)})`);
    this.name = 'ParamError';
    this.param = param;
  }
}

function formatGot(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (v === undefined) return 'nothing';
  const s = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

export function finite(param: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ParamError(param, 'a finite number', v);
  return v;
}

export function positive(param: string, v: unknown): number {
  const x = finite(param, v);
  if (!(x > 0)) throw new ParamError(param, 'greater than 0', v);
  return x;
}

export function nonNegative(param: string, v: unknown): number {
  const x = finite(param, v);
  if (!(x >= 0)) throw new ParamError(param, 'at least 0', v);
  return x;
}

export function integerIn(param: string, v: unknown, lo: number, hi: number): number {
  const x = finite(param, v);
  if (!Number.isInteger(x) || x < lo || x > hi) throw new ParamError(param, `an integer from ${lo} to ${hi}`, v);
  return x;
}
