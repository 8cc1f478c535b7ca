/** Order latency behind a one-method interface, so a richer model (random, measured) replaces it without touching the event loop. */
export interface LatencyModel {
  /** Time from which an order sent at `time` can fill, seconds. */
  activeFrom(time: number): number;
}

/** Every order is live `latencySec` seconds after it is sent. */
export function constantLatency(latencySec: number): LatencyModel {
  return { activeFrom: (time) => time + latencySec };
}
