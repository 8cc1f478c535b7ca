// The fill models live one per file in ./fills/ and are registered in ./fills/registry.ts; this file keeps the old import path.
export type { FillModel, FillModelSpec, FillModelContext } from './fills/types';
export { tradeThroughFillModel } from './fills/trade-through';
export { quoteCrossFillModel } from './fills/quote-cross';
export { poissonFillModel } from './fills/poisson';
export { queueFillModel, type QueueModelKind } from './fills/queue';
export { barFillModel } from './fills/bar';
export { registerFillModel, fillModelSpecs, fillModelSpec, applicableFillModels, defaultFillModel, buildFillModel } from './fills/registry';
