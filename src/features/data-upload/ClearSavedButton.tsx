import { useState } from 'react';
import { clearSavedData } from '../../stores/dataset-loader';

/** Forget the dataset and parameters saved in this browser. */
export function ClearSavedButton() {
  const [note, setNote] = useState('');
  return (
    <span className="clear-saved">
      <button
        type="button"
        data-testid="clear-saved"
        onClick={() => {
          clearSavedData().then(
            () => setNote('Saved data cleared: the next visit starts with the default sample.'),
            (e: unknown) => setNote(`Could not clear saved data: ${e instanceof Error ? e.message : String(e)}`),
          );
        }}
      >
        Clear saved data
      </button>
      {note ? <span className="hint" role="status" data-testid="clear-saved-note">{note}</span> : null}
    </span>
  );
}
