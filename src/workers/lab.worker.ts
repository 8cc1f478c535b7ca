/// <reference lib="webworker" />
import { expose, type Endpoint } from 'comlink';
import { labApi } from './lab-api';
import { holdLiveness } from './liveness';

// First, so the page's liveness request is answered before any call can occupy this thread.
holdLiveness(self as unknown as Parameters<typeof holdLiveness>[0]);
expose(labApi, self as unknown as Endpoint);
