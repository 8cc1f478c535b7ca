// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Tex, texToPlainText } from '../../../src/components/ui/Tex';

afterEach(cleanup);

describe('Tex (KaTeX loaded on first use)', () => {
  it('shows a readable plain-text form first, then the typeset formula once KaTeX has loaded', async () => {
    const { container } = render(<Tex display tex={'r = S - q\\gamma\\sigma^2(T-t) = 99.5'} label="reservation price" />);
    const span = container.querySelector('span.tex.tex-display') as HTMLElement;
    expect(span.dataset.tex).toBe('pending');
    expect(span.textContent).toBe('r = S - qγσ^2(T-t) = 99.5');
    await waitFor(() => expect(container.querySelector('.katex')).not.toBeNull());
    const typeset = container.querySelector('span.tex') as HTMLElement;
    expect(typeset.dataset.tex).toBeUndefined();
    expect(typeset.getAttribute('aria-label')).toBe('reservation price');
    // KaTeX's MathML carries the formula's content: the Greek letters and the number survive typesetting.
    expect(typeset.querySelector('math')?.textContent).toContain('γ');
    expect(typeset.textContent).toContain('99.5');
  });

  it('renders later formulas typeset at once (the module is cached)', async () => {
    const first = render(<Tex tex="x" />);
    await waitFor(() => expect(first.container.querySelector('.katex')).not.toBeNull());
    const { container } = render(<Tex tex="\\kappa = 1.5" />);
    expect(container.querySelector('[data-tex="pending"]')).toBeNull();
    expect(container.querySelector('.katex')).not.toBeNull();
  });
});

describe('texToPlainText', () => {
  it('turns the calculator formulas into plain text a reader can follow', () => {
    expect(texToPlainText('\\delta^a+\\delta^b = \\gamma\\sigma^2(T-t) + \\tfrac{2}{\\gamma}\\ln\\!\\left(1+\\tfrac{\\gamma}{\\kappa}\\right) = 1.49'))
      .toBe('δ^a+δ^b = γσ^2(T-t) + (2)/(γ)ln(1+(γ)/(κ)) = 1.49');
    expect(texToPlainText('p^{b,a} = r \\mp \\tfrac{\\delta^a+\\delta^b}{2} = 99.2,\\ 100.8')).toBe('p^b,a = r ∓ (δ^a+δ^b)/(2) = 99.2, 100.8');
    expect(texToPlainText('\\delta^* = c_1 + \\tfrac12 \\cdot 0.3')).toBe('δ^* = c_1 + 1/2 · 0.3');
    expect(texToPlainText('\\text{skew} = \\sigma c_2\\, q')).toBe('skew = σ c_2 q');
    expect(texToPlainText('c_2 = \\sqrt{\\tfrac{\\gamma}{2A}\\left(1+\\tfrac{\\xi}{\\kappa}\\right)^{\\frac{\\kappa}{\\xi}+1}}')).toBe('c_2 = √(γ)/(2A)(1+(ξ)/(κ))^(κ)/(ξ)+1');
  });
});
