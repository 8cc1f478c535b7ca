// The views moved to the engine (src/engine/views); kept so existing imports keep working.
export * from '../engine/views';
