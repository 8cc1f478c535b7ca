import { Panel } from '../../components/ui/Panel';
import { SamplePicker } from './SamplePicker';
import { FileLoader } from './FileLoader';
import { LoadStatus } from './LoadStatus';
import { ColumnMappingDialog } from './ColumnMappingDialog';
import { DatasetSummaryView } from './DatasetSummaryView';
import { ProblemList } from './ProblemList';
import { DetectionReport } from './DetectionReport';
import { ClearSavedButton } from './ClearSavedButton';
import './data-upload.css';

/** The Data panel: samples, the user's CSV files, load progress, problems and the summary. */
export function DataPanel() {
  return (
    <Panel
      id="data"
      title="Data"
      subtitle="Your own ticks (CSV or .csv.gz: quotes, trades, prices or OHLCV bars) or a built-in sample. Files are parsed in a background worker and stay in this browser."
      actions={<ClearSavedButton />}
    >
      <div className="data-sources">
        <SamplePicker />
        <FileLoader />
      </div>
      <LoadStatus />
      <ColumnMappingDialog />
      <DatasetSummaryView />
      <DetectionReport />
      <ProblemList />
    </Panel>
  );
}
