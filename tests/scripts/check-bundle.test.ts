import { describe, expect, it } from 'vitest';
import { checkInitialJs, formatBundleCheck, gzipBytes, initialJsFiles, INITIAL_JS_BUDGET_GZIP, type Manifest } from '../../scripts/check-bundle';

/** A manifest shaped like Vite's: an entry with a static vendor chunk (which imports a shared chunk), a lazy panel and KaTeX behind import(). */
const MANIFEST: Manifest = {
  'index.html': { file: 'assets/index.js', src: 'index.html', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/features/pnl/PnlPanel.tsx', 'node_modules/katex/dist/katex.mjs'], css: ['assets/index.css'] },
  '_vendor.js': { file: 'assets/vendor.js', imports: ['_shared.js'] },
  '_shared.js': { file: 'assets/shared.js' },
  'src/features/pnl/PnlPanel.tsx': { file: 'assets/PnlPanel.js', isDynamicEntry: true, imports: ['_shared.js', 'index.html'] },
  'node_modules/katex/dist/katex.mjs': { file: 'assets/katex.js', isDynamicEntry: true },
  'node_modules/katex/dist/katex.min.css': { file: 'assets/katex.css' },
};
const SIZES: Record<string, number> = { 'assets/index.js': 90_000, 'assets/vendor.js': 80_000, 'assets/shared.js': 20_000, 'assets/PnlPanel.js': 60_000, 'assets/katex.js': 77_000 };
const size = (f: string) => SIZES[f] ?? Number.NaN;

describe('scripts/check-bundle', () => {
  it('counts the entry and its static imports, transitively, once each; not import() chunks or CSS', () => {
    expect(initialJsFiles(MANIFEST)).toEqual(['assets/index.js', 'assets/vendor.js', 'assets/shared.js']);
  });

  it('passes at the budget and fails one byte over it', () => {
    const at = checkInitialJs(MANIFEST, size, 190_000);
    expect(at.totalGzipBytes).toBe(190_000);
    expect(at.ok).toBe(true);
    const over = checkInitialJs(MANIFEST, size, 189_999);
    expect(over.ok).toBe(false);
    expect(formatBundleCheck(over)).toMatch(/EXCEEDS the 190\.00 kB budget by 1 bytes/);
  });

  it('fails the default 200 kB budget when a heavy chunk becomes a static import', () => {
    expect(checkInitialJs(MANIFEST, size).ok).toBe(true);
    const heavy: Manifest = { ...MANIFEST, 'index.html': { ...MANIFEST['index.html'], imports: ['_vendor.js', 'node_modules/katex/dist/katex.mjs'] } };
    const r = checkInitialJs(heavy, size);
    expect(r.budgetGzipBytes).toBe(INITIAL_JS_BUDGET_GZIP);
    expect(r.totalGzipBytes).toBe(267_000);
    expect(r.ok).toBe(false);
  });

  it('refuses a manifest with no entry or a dangling import, naming it', () => {
    expect(() => initialJsFiles({ 'a.js': { file: 'a.js' } })).toThrow(/no entry chunk/);
    expect(() => initialJsFiles({ 'index.html': { file: 'i.js', isEntry: true, imports: ['_gone.js'] } })).toThrow(/"index.html" imports "_gone.js"/);
    expect(() => checkInitialJs(MANIFEST, size, 0)).toThrow(/^budget/);
  });

  it('sizes bytes as gzip does: repetitive text compresses, random bytes do not', () => {
    const text = new TextEncoder().encode('export const x = 1;\n'.repeat(5000));
    expect(gzipBytes(text)).toBeLessThan(text.length / 20);
    const noise = new Uint8Array(10_000);
    let s = 12345;
    for (let i = 0; i < noise.length; i++) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; noise[i] = s >>> 24; }
    expect(gzipBytes(noise)).toBeGreaterThan(noise.length);
  });
});
