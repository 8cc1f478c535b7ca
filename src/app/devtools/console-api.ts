import { EngineClient, LatestRunner, defaultEngineWorker, isAborted } from '../../workers/engine-client';
import { WorkerBridge } from '../../workers/bridge';
import { datasetTraffic } from '../../stores/dataset-loader';
import { paramsStore } from '../../stores/params-store';
import { labStore } from '../../stores/lab-store';
import { datasetStore } from '../../stores/dataset-store';
import { whenDrawsSettled } from '../../components/ui/draw-queue';

/**
 * `window.mmlab`: a small scripting surface for power users in the devtools console (and for
 * the browser tests): the worker bridge and the parameter store. Read-only references; nothing
 * here bypasses the checks the UI goes through.
 */
export interface MmLabConsoleApi {
  engine: { EngineClient: typeof EngineClient; LatestRunner: typeof LatestRunner; isAborted: typeof isAborted; WorkerBridge: typeof WorkerBridge; defaultEngineWorker: typeof defaultEngineWorker };
  /** Bytes of columns the dataset worker has served to lab and grid workers. */
  datasetTraffic: typeof datasetTraffic;
  params: typeof paramsStore;
  lab: typeof labStore;
  dataset: typeof datasetStore;
  /** Resolves once no chart has drawn or asked to draw for `quietMs` (charts draw one per task, near the viewport only). */
  chartsSettled: typeof whenDrawsSettled;
}

declare global {
  interface Window {
    mmlab?: MmLabConsoleApi;
  }
}

export function installConsoleApi(): void {
  window.mmlab = { engine: { EngineClient, LatestRunner, isAborted, WorkerBridge, defaultEngineWorker }, datasetTraffic, params: paramsStore, lab: labStore, dataset: datasetStore, chartsSettled: whenDrawsSettled };
}
