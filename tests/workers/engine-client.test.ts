import '@vitest/web-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { asQuote, glftQuote } from '../../src/engine';
import { EngineClient } from '../../src/workers/engine-client';
import type { QuoteSweepRequest } from '../../src/workers/engine-api';

// A module worker run by @vitest/web-worker, speaking comlink to the real engine. That runner
// emulates workers in-process: it neither detaches transferred buffers nor carries proxied
// MessagePorts, so transfer, progress and latest-wins cancellation are tested in real Chromium
// (tests/e2e/worker-bridge.spec.ts).
const makeWorker = () => new Worker(new URL('../../src/workers/engine.worker.ts', import.meta.url), { type: 'module' });
const base = { mid: 100, q: 0, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 0.5, A: 140 };

function request(axis: QuoteSweepRequest['axis'], values: number[], model: 'as' | 'glft' = 'as'): QuoteSweepRequest {
  return { model, base, axis, values: Float64Array.from(values) };
}

const clients: EngineClient[] = [];
afterEach(() => { clients.splice(0).forEach((c) => c.terminate()); });
function client(): EngineClient { const c = new EngineClient(makeWorker); clients.push(c); return c; }

describe('EngineClient', () => {
  it('sweeps AS quotes in the worker with the same numbers as the engine', async () => {
    const qs = [-5, -1, 0, 2, 7];
    const r = await client().sweepQuotes(request('q', qs));
    qs.forEach((q, i) => {
      const direct = asQuote({ ...base, q });
      expect(r.bid[i]).toBe(direct.bid);
      expect(r.ask[i]).toBe(direct.ask);
      expect(r.centre[i]).toBe(direct.reservation);
    });
  });

  it('sweeps GLFT quotes over γ', async () => {
    const gammas = [0.01, 0.1, 1];
    const r = await client().sweepQuotes(request('gamma', gammas, 'glft'));
    gammas.forEach((gamma, i) => expect(r.halfSpread[i]).toBe(glftQuote({ ...base, gamma }).halfSpread));
  });

  it('turns an engine error into a rejection naming the parameter', async () => {
    await expect(client().sweepQuotes(request('kappa', [1, -2]))).rejects.toThrow('kappa must be greater than 0 (got -2)');
  });
});
