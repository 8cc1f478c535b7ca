import { SpreadCalculator } from '../features/spread-calculator/SpreadCalculator';
import { DataPanel } from '../features/data-upload/DataPanel';
import { RunControls } from '../features/lab/RunControls';
import { AppHeader } from './AppHeader';
import { UrlNotices } from './UrlNotices';
import { About } from './About';
import { LabPanels } from './LabPanels';

/** Composition only: header, notices, then the panels in reading order. */
export function App() {
  return (
    <>
      <AppHeader />
      <main className="app-main">
        <UrlNotices />
        <SpreadCalculator />
        <DataPanel />
        <RunControls />
        <LabPanels />
        <About />
      </main>
    </>
  );
}
