import { parentPort, workerData } from 'node:worker_threads';
import { datasetLabel, type DatasetRef } from './args';
import { loadDataset, type NodeDataset } from './dataset-node';
import { linkSettings, runLabOnce } from './run-lab';
import type { SweepJob, SweepRow } from './sweep';

/** One sweep thread: runs the jobs it is sent, keeping the last dataset loaded (jobs come dataset-major). */
const { publicDir } = workerData as { publicDir: string };
let loadedKey = '';
let loaded: Promise<NodeDataset> | null = null;

function datasetFor(ref: DatasetRef): Promise<NodeDataset> {
  const key = datasetLabel(ref);
  if (key !== loadedKey || !loaded) {
    loadedKey = key;
    loaded = loadDataset(ref, publicDir);
  }
  return loaded;
}

parentPort!.on('message', (job: SweepJob) => {
  void (async () => {
    const link = linkSettings(job.query);
    const base = { index: job.index, dataset: datasetLabel(job.dataset), cell: job.cell, query: job.query, notices: link.notices };
    let row: SweepRow;
    try {
      const { data, dataset } = await datasetFor(job.dataset);
      const r = runLabOnce(data, link.config(dataset));
      row = { ...base, ticks: r.time.length, metrics: { ...r.metrics }, attribution: { ...r.attribution }, notes: r.notes };
    } catch (e) {
      row = { ...base, ticks: 0, metrics: {}, attribution: {}, notes: [], error: e instanceof Error ? e.message : String(e) };
    }
    parentPort!.postMessage(row);
  })();
});
