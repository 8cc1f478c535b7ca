import { describe, expect, it } from 'vitest';
import { foldNotes } from '../../../src/features/walk-forward/fold-notes';

describe('foldNotes', () => {
  it('writes a caveat that every fold repeats with its own numbers once, with the folds it holds for', () => {
    const note = (rq: string) => `The fitted observation noise is negligible (r/q = ${rq}, steady-state gain 1.000): the fair value equals the mid.`;
    const folds = [
      { fold: 0, notes: [note('5.2e-13')] },
      { fold: 1, notes: [note('8.6e-14'), 'Some states last only a bucket or two.'] },
      { fold: 2, notes: [note('9.4e-13')] },
    ];
    expect(foldNotes(folds)).toEqual([
      `Folds 1–3 (figures of fold 1): ${note('5.2e-13')}`,
      'Fold 2: Some states last only a bucket or two.',
    ]);
  });

  it('lists folds that are not consecutive, and keeps notes that differ in words apart', () => {
    const folds = [
      { fold: 0, notes: ['γ sits at its lower bound 0.001.'] },
      { fold: 1, notes: ['κ sits at its upper bound 200.'] },
      { fold: 3, notes: ['γ sits at its lower bound 0.002.'] },
    ];
    expect(foldNotes(folds)).toEqual([
      'Folds 1, 4 (figures of fold 1): γ sits at its lower bound 0.001.',
      'Fold 2: κ sits at its upper bound 200.',
    ]);
    expect(foldNotes([])).toEqual([]);
  });
});
