/// <reference lib="webworker" />
import { expose, type Endpoint } from 'comlink';
import { engineApi } from './engine-api';

// Exposing on `self` explicitly works in browsers and under @vitest/web-worker alike.
expose(engineApi, self as unknown as Endpoint);
