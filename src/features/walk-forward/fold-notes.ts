/**
 * The folds' notes, one line per kind: notes that differ only in their numbers (the same caveat fitted
 * on each fold) are written once, "Folds 1–5: …", with the first fold's figures.
 */
export function foldNotes(folds: ReadonlyArray<{ fold: number; notes: readonly string[] }>): string[] {
  const groups = new Map<string, { text: string; folds: number[] }>();
  for (const f of folds) {
    for (const n of f.notes) {
      const key = n.replace(/[−-]?\d[\d.,]*(e[−+-]?\d+)?/g, '#');
      const g = groups.get(key);
      if (g) { if (!g.folds.includes(f.fold + 1)) g.folds.push(f.fold + 1); } else groups.set(key, { text: n, folds: [f.fold + 1] });
    }
  }
  return [...groups.values()].map(({ text, folds: fs }) => {
    if (fs.length === 1) return `Fold ${fs[0]}: ${text}`;
    const consecutive = fs.every((v, i) => i === 0 || v === fs[i - 1] + 1);
    const list = consecutive ? `${fs[0]}–${fs[fs.length - 1]}` : fs.join(', ');
    return `Folds ${list} (figures of fold ${fs[0]}): ${text}`;
  });
}
