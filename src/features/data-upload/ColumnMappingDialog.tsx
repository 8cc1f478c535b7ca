import { useState } from 'react';
import { DISPLAY_NAME, KIND_COLUMNS, type TickColumn, type TickKind } from '../../engine';
import { useDataset } from '../../stores/dataset-store';
import { retryWithMapping } from '../../stores/dataset-loader';

const KINDS: TickKind[] = ['quotes', 'trades', 'prices', 'bars'];

/** Fallback when the header cannot be read: the user says which field is which, then the file is read again. */
export function ColumnMappingDialog() {
  const error = useDataset((s) => s.error);
  const status = useDataset((s) => s.status);
  if (status !== 'error' || !error || error.code !== 'columns' || !error.header?.length) return null;
  return <MappingForm key={error.header.join('\u0000') + error.file} header={error.header} file={error.file} />;
}

function MappingForm({ header, file }: { header: string[]; file: string }) {
  const [kind, setKind] = useState<TickKind>('quotes');
  const [map, setMap] = useState<Partial<Record<TickColumn, number>>>({});
  const [buyerIsMaker, setBuyerIsMaker] = useState(false);
  const { required, optional } = KIND_COLUMNS[kind];
  const missing = required.filter((c) => map[c] === undefined);
  const submit = () => {
    const columns: Partial<Record<TickColumn, number>> = {};
    for (const c of [...required, ...optional]) if (map[c] !== undefined) columns[c] = map[c];
    void retryWithMapping({ kind, columns, sideMeaning: buyerIsMaker ? 'buyerIsMaker' : 'side' });
  };
  return (
    <fieldset className="mapping" data-testid="column-mapping">
      <legend>Map the columns of {file}</legend>
      <label className="select-field">
        The file holds
        <select value={kind} onChange={(e) => setKind(e.target.value as TickKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>{k}</option>
          ))}
        </select>
      </label>
      <div className="mapping-grid">
        {[...required, ...optional].map((c) => (
          <label key={c} className="select-field">
            {DISPLAY_NAME[c]}
            {required.includes(c) ? ' (required)' : ' (optional)'}
            <select value={map[c] ?? ''} onChange={(e) => setMap({ ...map, [c]: e.target.value === '' ? undefined : Number(e.target.value) })} aria-label={`column for ${DISPLAY_NAME[c]}`}>
              <option value="">—</option>
              {header.map((h, i) => (
                <option key={i} value={i}>{h}</option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {kind === 'trades' && map.side !== undefined ? (
        <label>
          <input type="checkbox" checked={buyerIsMaker} onChange={(e) => setBuyerIsMaker(e.target.checked)} /> the side column is buyer_is_maker (true = a sell-initiated trade)
        </label>
      ) : null}
      <button type="button" className="primary" disabled={missing.length > 0} onClick={submit}>
        Read the file with this mapping
      </button>
      {missing.length ? <span className="hint"> Still needed: {missing.map((c) => DISPLAY_NAME[c]).join(', ')}.</span> : null}
    </fieldset>
  );
}
