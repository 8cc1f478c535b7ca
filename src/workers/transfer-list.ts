/** Every distinct ArrayBuffer under `value` (typed arrays in nested objects and arrays), for comlink `transfer`. */
export function transferList(value: unknown, out: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) transferList(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) transferList(v, out);
  }
  return [...out];
}
