// Public surface of engine/series; re-exported from src/engine/index.ts.
export { minMaxIndices, keptIndices, gather, strideIndices } from './downsample';
export { createTimeBucketer, scanBuckets, bucketReturns, completedBucketsInto, tickBuckets, autoBucketSec, type TimeBucketer } from './time-buckets';
