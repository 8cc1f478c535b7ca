/** Sources, conventions and data attribution. */
export function About() {
  return (
    <section className="panel about" id="about" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <p>
        MM Lab computes Avellaneda–Stoikov (2008) and Guéant–Lehalle–Fernandez-Tapia (Guéant 2017) quotes entirely in your
        browser; nothing is sent anywhere. Conventions: time in seconds, prices in quote currency, σ in price per √second
        (entered as annualised %), κ per price unit, A per second, spreads in basis points of the mid.
      </p>
      <p>
        Sample market data: Binance BTCUSDT top-of-book quotes and trades (USD-M perpetual 2024-08-08, spot 2024-08-09),
        reshaped from the example data of the MIT-licensed hftbacktest project by nkaz001; Binance's market-data terms apply.
      </p>
    </section>
  );
}
