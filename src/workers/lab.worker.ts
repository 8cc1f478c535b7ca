/// <reference lib="webworker" />
import { expose, type Endpoint } from 'comlink';
import { labApi } from './lab-api';

expose(labApi, self as unknown as Endpoint);
