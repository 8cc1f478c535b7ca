import { Tex } from '../../components/ui/Tex';
import type { CalculatorResult } from '../../stores/calculator-derived';
import type { CalculatorParams } from '../../stores/calculator-params';
import { texNum } from './format';

/** The model's formulas, typeset, then again with the current numbers substituted. */
export function FormulaView({ params, result }: { params: CalculatorParams; result: CalculatorResult }) {
  const s = texNum(result.sigmaPerSqrtSec);
  const g = texNum(params.gamma);
  const k = texNum(params.kappa);
  if (params.model === 'glft' && result.glft) {
    const { c1, c2 } = result.glft;
    return (
      <div className="formulas" data-testid="formulas">
        <p className="cite">Guéant (2017), eqs. 4.6–4.7, ξ = γ, Δ = 1 lot; σ in price/√s, A in 1/s, κ in 1/price.</p>
        <Tex display tex={`c_1 = \\tfrac{1}{\\xi\\Delta}\\ln\\!\\left(1+\\tfrac{\\xi\\Delta}{\\kappa}\\right) = ${texNum(c1)},\\quad c_2 = \\sqrt{\\tfrac{\\gamma}{2A\\Delta\\kappa}\\left(1+\\tfrac{\\xi\\Delta}{\\kappa}\\right)^{\\frac{\\kappa}{\\xi\\Delta}+1}} = ${texNum(c2)}`} />
        <Tex display tex={`\\delta^* = c_1 + \\tfrac{\\Delta}{2}\\sigma c_2 = ${texNum(c1)} + \\tfrac12 \\cdot ${s}\\cdot ${texNum(c2)} = ${texNum(result.halfSpread)}`} />
        <Tex display tex={`\\text{skew} = \\sigma c_2\\, q = ${s}\\cdot ${texNum(c2)} \\cdot ${params.q} = ${texNum(-result.skew)}`} />
        <Tex display tex={`p^{b,a} = S \\mp \\delta^* - \\sigma c_2 q = ${texNum(result.bid)},\\ ${texNum(result.ask)}`} />
      </div>
    );
  }
  const t = texNum(result.tauSec);
  const riskTerm = result.as?.riskTerm ?? 0;
  const intensityTerm = result.as?.intensityTerm ?? 0;
  return (
    <div className="formulas" data-testid="formulas">
      <p className="cite">Avellaneda &amp; Stoikov (2008), eqs. 29–30; σ in price/√s, T − t in s, γ and κ in 1/price.</p>
      <Tex display tex={`r = S - q\\gamma\\sigma^2(T-t) = ${texNum(params.mid)} - (${params.q})(${g})(${s})^2(${t}) = ${texNum(result.reservation)}`} />
      <Tex display tex={`\\delta^a+\\delta^b = \\gamma\\sigma^2(T-t) + \\tfrac{2}{\\gamma}\\ln\\!\\left(1+\\tfrac{\\gamma}{\\kappa}\\right) = ${texNum(riskTerm)} + \\tfrac{2}{${g}}\\ln\\!\\left(1+\\tfrac{${g}}{${k}}\\right) = ${texNum(riskTerm)} + ${texNum(intensityTerm)} = ${texNum(2 * result.halfSpread)}`} />
      <Tex display tex={`p^{b,a} = r \\mp \\tfrac{\\delta^a+\\delta^b}{2} = ${texNum(result.bid)},\\ ${texNum(result.ask)}`} />
    </div>
  );
}
