import { SpreadCalculator } from '../features/spread-calculator/SpreadCalculator';
import { AppHeader } from './AppHeader';
import { UrlNotices } from './UrlNotices';
import { About } from './About';
import { DataPanel } from '../features/data-upload/DataPanel';

/** Composition only: header, notices, then the panels in reading order. */
export function App() {
  return (
    <>
      <AppHeader />
      <main className="app-main">
        <UrlNotices />
        {/* panels: data-upload mounts here */}
        <DataPanel />
        <SpreadCalculator />
        <About />
      </main>
    </>
  );
}
