import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { paramsStore } from '../stores/params-store';
import { labStore } from '../stores/lab-store';
import { datasetStore } from '../stores/dataset-store';
import { startUrlSync } from '../stores/url-sync';
import { registerPanels } from '../stores/lab-settings';
import { PANELS } from './panel-registry';
import { startLabSession } from '../stores/lab-session';
import { installConsoleApi } from './devtools/console-api';
import './app.css';

// The panel list comes from the registry (ids, labels, order): before the URL, whose `p` names them.
registerPanels(PANELS);
// The URL is read before the first render, so a shared link never flashes the defaults.
startUrlSync(paramsStore, labStore);
// One lab session: load the dataset, run the backtest on every change (latest wins), fill the views.
startLabSession({ params: paramsStore, lab: labStore, dataset: datasetStore });
installConsoleApi();
// window.__mmlabBench, the grid-search benchmark the browser harness times (tests/e2e/grid-bench.spec.ts),
// only when the page is opened with #bench: a chunk of its own, never loaded by the app itself.
if (window.location.hash === '#bench') void import('./devtools/bench-hooks').then((m) => m.installBenchHooks());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
