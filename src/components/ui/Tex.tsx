import { useMemo } from 'react';
import katex from 'katex';
import 'katex/dist/katex.min.css';

/**
 * KaTeX-typeset formula. Only ever given TeX the app builds itself from its own numbers
 * (never user text), so rendering its HTML is safe; `trust: false` blocks \href and friends anyway.
 */
export function Tex({ tex, display = false, label }: { tex: string; display?: boolean; label?: string }) {
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: display, throwOnError: false, trust: false, output: 'htmlAndMathml' }),
    [tex, display],
  );
  return <span className={display ? 'tex tex-display' : 'tex'} aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
