import { useId, useState } from 'react';
import { datasetStore, useDataset } from '../../stores/dataset-store';
import { loadFiles } from '../../stores/dataset-loader';

/** The user's files: a quotes (or trades / prices / bars) file, an optional trades file, and the policies. */
export function FileLoader() {
  const id = useId();
  const loading = useDataset((s) => s.status === 'loading');
  const policies = useDataset((s) => s.policies);
  const [quotes, setQuotes] = useState<File | null>(null);
  const [trades, setTrades] = useState<File | null>(null);
  const load = () => {
    if (quotes) void loadFiles({ quotes, quotesName: quotes.name, trades: trades ?? undefined, tradesName: trades?.name });
  };
  return (
    <fieldset className="data-box">
      <legend>Your files</legend>
      <label className="file-field" htmlFor={`${id}-q`}>
        Ticks file (quotes, trades, prices or bars; .csv or .csv.gz)
        <input id={`${id}-q`} type="file" accept=".csv,.gz,.txt,.tsv,text/csv" data-testid="quotes-file" onChange={(e) => setQuotes(e.target.files?.[0] ?? null)} />
      </label>
      <label className="file-field" htmlFor={`${id}-t`}>
        Trades file to align with the quotes (optional, same clock)
        <input id={`${id}-t`} type="file" accept=".csv,.gz,.txt,.tsv,text/csv" data-testid="trades-file" onChange={(e) => setTrades(e.target.files?.[0] ?? null)} />
      </label>
      <div className="policies">
        <fieldset>
          <legend>Bad rows</legend>
          <label>
            <input type="radio" name={`${id}-bad`} checked={policies.badRows === 'skip'} onChange={() => datasetStore.getState().setPolicies({ badRows: 'skip' })} /> skip and list them
          </label>
          <label>
            <input type="radio" name={`${id}-bad`} checked={policies.badRows === 'stop'} onChange={() => datasetStore.getState().setPolicies({ badRows: 'stop' })} data-testid="policy-stop" /> stop at the first
          </label>
        </fieldset>
        <fieldset>
          <legend>Times out of order</legend>
          <label>
            <input type="radio" name={`${id}-order`} checked={policies.order === 'sort'} onChange={() => datasetStore.getState().setPolicies({ order: 'sort' })} /> sort by time
          </label>
          <label>
            <input type="radio" name={`${id}-order`} checked={policies.order === 'reject'} onChange={() => datasetStore.getState().setPolicies({ order: 'reject' })} data-testid="policy-reject" /> reject those rows
          </label>
        </fieldset>
      </div>
      <button type="button" className="primary" onClick={load} disabled={!quotes || loading} data-testid="load-files">
        Load {trades ? 'files' : 'file'}
      </button>
    </fieldset>
  );
}
