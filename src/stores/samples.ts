/** Built-in datasets, one click away. Their ids are the only dataset names a URL may carry. */
export interface FileSample {
  id: string;
  label: string;
  description: string;
  /** Paths under the app's base URL (public/samples). */
  quotes: string;
  trades: string;
}

export const FILE_SAMPLES: FileSample[] = [
  {
    id: 'usdm-btcusdt',
    label: 'Binance BTCUSDT perpetual (real)',
    description: 'USD-M perpetual best bid/offer and trades, 2024-08-08 23:54–24:00 UTC; 66,089 quotes, 21,313 trades.',
    quotes: 'samples/usdm-btcusdt-2024-08-08-bookticker.csv.gz',
    trades: 'samples/usdm-btcusdt-2024-08-08-trades.csv.gz',
  },
  {
    id: 'spot-btcusdt',
    label: 'Binance BTCUSDT spot (real)',
    description: 'Spot best bid/offer and trades, 2024-08-09 00:00–00:05 UTC; 45,134 quotes, 10,147 trades.',
    quotes: 'samples/spot-btcusdt-2024-08-09-bookticker.csv.gz',
    trades: 'samples/spot-btcusdt-2024-08-09-trades.csv.gz',
  },
];

/** The synthetic market: generated in the browser from its seed, never shipped as a file. */
export const SYNTHETIC_TICKS = 300_000;
export const DEFAULT_SYNTHETIC_SEED = 42;
export const DEFAULT_SAMPLE_ID = 'usdm-btcusdt';

export function syntheticId(seed: number): string {
  return `synthetic-${seed}`;
}

/** The seed named by a sample id like "synthetic-42", or undefined. */
export function syntheticSeed(id: string): number | undefined {
  const m = /^synthetic-(\d{1,9})$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

export function isSampleId(id: string): boolean {
  return FILE_SAMPLES.some((s) => s.id === id) || syntheticSeed(id) !== undefined;
}
