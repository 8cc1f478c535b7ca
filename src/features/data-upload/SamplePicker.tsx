import { useState } from 'react';
import { useDataset } from '../../stores/dataset-store';
import { loadSample } from '../../stores/dataset-loader';
import { DEFAULT_SYNTHETIC_SEED, FILE_SAMPLES, SYNTHETIC_TICKS, syntheticId } from '../../stores/samples';
import { formatCount } from './format';

/** One click per built-in sample; the synthetic market is regenerated from the seed shown. */
export function SamplePicker() {
  const loading = useDataset((s) => s.status === 'loading');
  const current = useDataset((s) => s.dataset);
  const [seed, setSeed] = useState(String(current?.seed ?? DEFAULT_SYNTHETIC_SEED));
  const seedNumber = /^\d{1,9}$/.test(seed) ? Number(seed) : NaN;
  return (
    <fieldset className="data-box">
      <legend>Samples</legend>
      <ul className="sample-list">
        {FILE_SAMPLES.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => void loadSample(s.id)} disabled={loading} data-testid={`sample-${s.id}`}>
              {s.label}
            </button>
            <span className="hint">{s.description}</span>
          </li>
        ))}
        <li>
          <button type="button" onClick={() => void loadSample(syntheticId(seedNumber))} disabled={loading || Number.isNaN(seedNumber)} data-testid="sample-synthetic">
            Synthetic regime-switching market
          </button>
          <label className="seed-field">
            seed{' '}
            <input type="text" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value.trim())} aria-label="synthetic market seed" size={8} />
          </label>
          <span className="hint">
            {formatCount(SYNTHETIC_TICKS)} ticks from the engine's seeded generator (Bull, Bear, Sideways regimes); the same seed gives the same market.
            {Number.isNaN(seedNumber) ? <span className="error"> The seed must be a whole number from 0 to 999999999.</span> : null}
          </span>
        </li>
      </ul>
    </fieldset>
  );
}
