import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { paramsStore } from '../stores/params-store';
import { startUrlSync } from '../stores/url-sync';
import { installConsoleApi } from './console-api';
import './app.css';

// The URL is read before the first render, so a shared link never flashes the defaults.
startUrlSync(paramsStore);
installConsoleApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
