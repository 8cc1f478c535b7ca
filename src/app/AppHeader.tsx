import { useState } from 'react';
import { paramsStore } from '../stores/params-store';
import { labStore } from '../stores/lab-store';
import { resetAllParameters } from '../stores/param-transfer';
import { shareLink } from '../stores/url-sync';

/** Title bar with the share action. The link holds parameters only, never the user's data. */
export function AppHeader() {
  const [status, setStatus] = useState<string>('');
  const copy = async () => {
    const link = shareLink(paramsStore);
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied');
    } catch {
      // Clipboard can be refused (permissions, insecure context): show the link to copy by hand.
      setStatus(link);
    }
  };
  return (
    <header className="app-header">
      <h1>MM Lab <span className="tagline">market-making strategy lab, in your browser</span></h1>
      <div className="header-actions">
        <button type="button" onClick={copy} data-testid="copy-link">Copy link</button>
        <button type="button" onClick={() => resetAllParameters(paramsStore, labStore)} data-testid="reset-parameters"
          title="Every calculator and backtest control back to its default">Reset parameters</button>
        <output aria-live="polite" className="copy-status" data-testid="copy-status">{status}</output>
      </div>
    </header>
  );
}
