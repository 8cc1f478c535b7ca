import type { LabRunner } from './lab-runner';

/** The app's one lab runner, set by main.tsx at start-up; panels call it for compare and export. */
let runner: LabRunner | null = null;

export function setLabRunner(r: LabRunner | null): void {
  runner = r;
}

export function getLabRunner(): LabRunner | null {
  return runner;
}
