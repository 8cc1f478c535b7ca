import { useEffect, useMemo, useState } from 'react';

type RenderTex = (tex: string, display: boolean) => string;

/**
 * KaTeX (≈ 70 kB of JS and 25 kB of CSS gzipped) loads on first use, in a chunk of its own, so it is
 * not part of the page's initial JS: formulas show as plain text first and are typeset a moment later.
 */
let renderTex: RenderTex | undefined;
let loading: Promise<RenderTex> | undefined;

function loadKatex(): Promise<RenderTex> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([{ default: katex }]) => {
    renderTex = (tex, display) => katex.renderToString(tex, { displayMode: display, throwOnError: false, trust: false, output: 'htmlAndMathml' });
    return renderTex;
  });
  return loading;
}

/** TeX commands the app's formulas use, as the characters a reader expects in plain text. */
const PLAIN: Record<string, string> = {
  gamma: 'γ', sigma: 'σ', kappa: 'κ', delta: 'δ', xi: 'ξ', Delta: 'Δ', tau: 'τ', mu: 'μ', lambda: 'λ', pi: 'π',
  cdot: '·', mp: '∓', pm: '±', times: '×', ln: 'ln', sqrt: '√', quad: '  ', infty: '∞', le: '≤', ge: '≥',
};

/**
 * A readable plain-text form of TeX, shown until KaTeX has loaded (and to anything that reads the page
 * before then): Greek letters and operators as characters, \frac{a}{b} as (a)/(b), spacing and sizing
 * commands dropped.
 */
export function texToPlainText(tex: string): string {
  let s = tex;
  // Innermost fractions first, so nested ones unwind from the inside out.
  const frac = /\\[td]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/;
  for (let guard = 0; frac.test(s) && guard < 50; guard++) s = s.replace(frac, (_m, a: string, b: string) => `(${a})/(${b})`);
  s = s.replace(/\\[td]?frac\s*(\d)(\d)/g, '$1/$2'); // \tfrac12
  s = s.replace(/\\text\s*\{([^{}]*)\}/g, '$1');
  s = s.replace(/\\(left|right|big|Big|bigl|bigr)\s*/g, '');
  s = s.replace(/\\!/g, '').replace(/\\[,;:]|\\ /g, ' ');
  s = s.replace(/\\([A-Za-z]+)/g, (_m, name: string) => PLAIN[name] ?? name);
  s = s.replace(/[{}]/g, '');
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * KaTeX-typeset formula. Only ever given TeX the app builds itself from its own numbers
 * (never user text), so rendering its HTML is safe; `trust: false` blocks \href and friends anyway.
 * Until KaTeX has loaded the formula is shown as plain text (data-tex="pending").
 */
export function Tex({ tex, display = false, label }: { tex: string; display?: boolean; label?: string }) {
  const [render, setRender] = useState<RenderTex | undefined>(() => renderTex);
  useEffect(() => {
    if (render) return;
    let live = true;
    loadKatex().then(
      (r) => { if (live) setRender(() => r); },
      () => { /* stays plain text: KaTeX's chunk could not load (offline after a deploy); the numbers are all there */ },
    );
    return () => { live = false; };
  }, [render]);
  const html = useMemo(() => render?.(tex, display), [render, tex, display]);
  const className = display ? 'tex tex-display' : 'tex';
  if (html === undefined) return <span className={className} aria-label={label} data-tex="pending">{texToPlainText(tex)}</span>;
  return <span className={className} aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
