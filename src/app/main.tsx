import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { paramsStore } from '../stores/params-store';
import { labStore } from '../stores/lab-store';
import { datasetStore } from '../stores/dataset-store';
import { startUrlSync } from '../stores/url-sync';
import { registerPanels } from '../stores/lab-settings';
import { PANELS } from './panel-registry';
import { startLabRunner } from '../stores/lab-runner';
import { setLabRunner } from '../stores/lab-runtime';
import { installConsoleApi } from './devtools/console-api';
import './app.css';

// The panel list comes from the registry (ids, labels, order): before the URL, whose `p` names them.
registerPanels(PANELS);
// The URL is read before the first render, so a shared link never flashes the defaults.
startUrlSync(paramsStore, labStore);
// The lab re-runs in a worker whenever its settings or the dataset change (latest wins).
setLabRunner(startLabRunner(labStore, datasetStore, undefined, undefined, () => paramsStore.getState().params.yearBasis));
installConsoleApi();
// window.__mmlabBench, the grid-search benchmark the browser harness times (tests/e2e/grid-bench.spec.ts),
// only when the page is opened with #bench: a chunk of its own, never loaded by the app itself.
if (window.location.hash === '#bench') void import('./devtools/bench-hooks').then((m) => m.installBenchHooks());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
