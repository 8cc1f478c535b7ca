import type { TickColumn, TickKind, TimeUnit } from '../csv/types';

/** What a trade file's side column says. */
export type SideMeaning = 'side' | 'buyerIsMaker' | 'makerSide';

/**
 * A vendor's documented layout, recognised from the header (or the first row of a headerless
 * file) and the file name, so the file loads without a mapping dialog. Every assumption a
 * profile makes is written into `notes` for the detection report.
 */
export interface FormatProfile {
  /** Stable id, e.g. 'binance-spot-trades'; `options.format` forces one ('generic' forces none). */
  format: string;
  kind: TickKind;
  /** Column names for a headerless file (in file order). */
  header?: string[];
  /** Canonical column → header name. */
  columns: Partial<Record<TickColumn, string>>;
  /** Other time columns the file offers (the detection report lets the user switch). */
  otherTimeColumns?: string[];
  timeUnit?: Exclude<TimeUnit, 'auto'>;
  timeZone?: string;
  /** Prices are multiplied by this (Databento raw prices: 1e-9). */
  priceScale?: number;
  sideMeaning?: SideMeaning;
  /** Databento: a raw price of i64::MAX (UNDEF_PRICE) marks an empty side of the book. */
  undefPrice?: boolean;
  /** Only rows whose `column` holds exactly `value` are read (the others are not counted); e.g. MBP-1 trades: action = T. */
  rowFilter?: { column: string; value: string };
  /** An empty bid or ask means unchanged since the row before: the last value read is carried (MetaTrader 5 ticks). */
  carryEmptyQuotes?: boolean;
  notes: string[];
}

/** Every vendor format recognised, with a one-line description (the override menu lists them). */
export const FORMATS: Record<string, string> = {
  generic: 'generic CSV (columns by name)',
  'binance-futures-bookticker': 'Binance futures bookTicker',
  'binance-futures-trades': 'Binance futures trades',
  'binance-futures-aggtrades': 'Binance futures aggTrades',
  'binance-spot-trades': 'Binance spot trades (no header)',
  'binance-spot-aggtrades': 'Binance spot aggTrades (no header)',
  'tardis-quotes': 'Tardis.dev quotes / book_ticker',
  'tardis-trades': 'Tardis.dev trades',
  'tardis-book-snapshot': 'Tardis.dev book_snapshot_N (level 1)',
  'databento-mbp-1': 'Databento MBP-1',
  'databento-tbbo': 'Databento TBBO',
  'databento-trades': 'Databento trades',
  dukascopy: 'Dukascopy ticks',
  'mt5-ticks': 'MetaTrader 5 ticks',
  truefx: 'TrueFX ticks (no header)',
  'histdata-ticks': 'HistData ticks (no header)',
  'histdata-bars': 'HistData 1-minute bars (no header)',
  'coinbase-trades': 'Coinbase trades',
  lobster: 'LOBSTER message + orderbook pair',
};

/** Dukascopy's time column names, normalised: dukascopy-node, JForex, the web export (GMT or local time). */
const DUKAS_TIME = new Set(['timestamp', 'time', 'timeutc', 'gmttime', 'localtime']);

const BOOL = /^(true|false)$/i;
const INT = /^\d+$/;
/** A plain decimal number (prices and sizes of a header-less file). */
const DEC = /^\d+(\.\d+)?$/;
/** Epoch milliseconds of 2001–2286 (13 digits). */
const MS_EPOCH = /^[1-9]\d{12}$/;

function norm(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether the file name names a LOBSTER file: TICKER_YYYY-MM-DD_start_end_{message|orderbook}_LEVELS.csv. */
export const LOBSTER_NAME = /^([A-Za-z0-9.^-]+)_(\d{4}-\d{2}-\d{2})_(\d+)_(\d+)_(message|orderbook)_(\d+)\b/;

function baseName(fileName: string | undefined): string {
  return (fileName ?? '').split(/[\\/]/).pop() ?? '';
}

const binanceTimeNote = 'time unit by magnitude: Binance spot files are in ms before 2025 and in µs from 2025-01-01';
const buyerMakerNote = 'side from is_buyer_maker: true = the buyer rested, so the seller took liquidity (−1)';

/**
 * The profile for a file, from its first line (header fields, or the first data row when
 * `headerless`) and its name; undefined for a generic file. `forced` picks a profile by id.
 */
export function detectProfile(first: string[], headerless: boolean, fileName?: string, forced?: string): FormatProfile | undefined {
  const name = baseName(fileName).toLowerCase();
  const n = first.map(norm);
  const has = (...hs: string[]) => hs.every((h) => n.includes(norm(h)));
  const want = (id: string) => forced === undefined || forced === id;
  if (forced === 'generic') return undefined;

  if (LOBSTER_NAME.test(baseName(fileName)) && (forced === undefined || forced === 'lobster')) {
    return { format: 'lobster', kind: 'quotes', columns: {}, notes: ['a LOBSTER file: load the message file together with its orderbook file'] };
  }

  if (!headerless) {
    if (want('binance-futures-bookticker') && has('best_bid_price', 'best_ask_price', 'transaction_time')) {
      return {
        format: 'binance-futures-bookticker', kind: 'quotes', timeUnit: 'ms',
        columns: { time: 'transaction_time', bid: 'best_bid_price', ask: 'best_ask_price', bidSize: 'best_bid_qty', askSize: 'best_ask_qty' },
        otherTimeColumns: has('event_time') ? ['event_time'] : [],
        notes: ['time from transaction_time (matching engine, ms); event_time is when Binance pushed the update'],
      };
    }
    if (has('exchange', 'symbol', 'timestamp', 'local_timestamp')) {
      const tardisTime = { time: 'local_timestamp' } as const;
      const timeNote = 'time from local_timestamp (Tardis receive time, µs; the files are sorted by it); timestamp is the exchange time';
      if (want('tardis-quotes') && has('ask_price', 'bid_price')) {
        return {
          format: 'tardis-quotes', kind: 'quotes', timeUnit: 'us', otherTimeColumns: ['timestamp'],
          columns: { ...tardisTime, bid: 'bid_price', ask: 'ask_price', bidSize: 'bid_amount', askSize: 'ask_amount' },
          notes: [timeNote, 'ask columns come before bid columns'],
        };
      }
      if (want('tardis-book-snapshot') && has('asks[0].price', 'bids[0].price')) {
        return {
          format: 'tardis-book-snapshot', kind: 'quotes', timeUnit: 'us', otherTimeColumns: ['timestamp'],
          columns: { ...tardisTime, bid: 'bids[0].price', ask: 'asks[0].price', bidSize: 'bids[0].amount', askSize: 'asks[0].amount' },
          notes: [timeNote, 'level 1 used (asks[0], bids[0]); deeper levels ignored'],
        };
      }
      if (want('tardis-trades') && has('side', 'price', 'amount')) {
        return {
          format: 'tardis-trades', kind: 'trades', timeUnit: 'us', otherTimeColumns: ['timestamp'], sideMeaning: 'side',
          columns: { ...tardisTime, price: 'price', size: 'amount', side: 'side' },
          notes: [timeNote, 'side is the taker side (buy +1, sell −1, unknown inferred)'],
        };
      }
    }
    if (has('ts_recv', 'ts_event', 'price', 'size', 'side')) {
      const book = has('bid_px_00', 'ask_px_00');
      const tbbo = book && (name.includes('tbbo') || forced === 'databento-tbbo');
      const timeNote = 'time from ts_recv (Databento capture time, the index it recommends); ts_event is the matching-engine time';
      if (book && !tbbo && want('databento-mbp-1')) {
        return {
          format: 'databento-mbp-1', kind: 'quotes', otherTimeColumns: ['ts_event'], undefPrice: true,
          columns: { time: 'ts_recv', bid: 'bid_px_00', ask: 'ask_px_00', bidSize: 'bid_sz_00', askSize: 'ask_sz_00' },
          notes: [timeNote, 'quotes = the top of book after each event; the trade rows (action T) are also read as trades'],
        };
      }
      if (tbbo && want('databento-tbbo')) {
        return {
          format: 'databento-tbbo', kind: 'trades', otherTimeColumns: ['ts_event'], sideMeaning: 'side', undefPrice: true,
          columns: { time: 'ts_recv', price: 'price', size: 'size', side: 'side', bid: 'bid_px_00', ask: 'ask_px_00' },
          notes: [timeNote, 'side is the aggressor (B buy +1, A sell −1, N inferred)', "bid_px_00/ask_px_00 are the book just before each trade: an unsigned trade is signed against it (Lee–Ready)"],
        };
      }
      if (!book && want('databento-trades')) {
        return {
          format: 'databento-trades', kind: 'trades', otherTimeColumns: ['ts_event'], sideMeaning: 'side',
          columns: { time: 'ts_recv', price: 'price', size: 'size', side: 'side' },
          notes: [timeNote, 'side is the aggressor (B buy +1, A sell −1, N inferred)'],
        };
      }
    }
    if (want('binance-futures-aggtrades') && has('agg_trade_id', 'price', 'transact_time', 'is_buyer_maker')) {
      return {
        format: 'binance-futures-aggtrades', kind: 'trades', sideMeaning: 'buyerIsMaker',
        columns: { time: 'transact_time', price: 'price', size: n.includes('quantity') ? 'quantity' : 'qty', side: 'is_buyer_maker' },
        notes: ['time from transact_time (ms)', buyerMakerNote],
      };
    }
    if (want('binance-futures-trades') && has('id', 'price', 'qty', 'quote_qty', 'time', 'is_buyer_maker')) {
      return {
        format: 'binance-futures-trades', kind: 'trades', sideMeaning: 'buyerIsMaker',
        columns: { time: 'time', price: 'price', size: 'qty', side: 'is_buyer_maker' },
        notes: ['time in ms; size = qty (base asset), quote_qty ignored', buyerMakerNote],
      };
    }
    // MetaTrader 5 ticks (<DATE> <TIME> joined by date-time-join.ts, <BID>, <ASK>, <LAST>, <VOLUME>, <FLAGS>):
    // a row holds only what changed (FLAGS 2 bid, 4 ask, 8 last, 16 volume), so an empty side is the last one.
    if (want('mt5-ticks') && has('bid', 'ask', 'last', 'flags') && (n[0] === 'datetime' || n[0] === 'time')) {
      return {
        format: 'mt5-ticks', kind: 'quotes', carryEmptyQuotes: true,
        columns: { time: first[0], bid: first[n.indexOf('bid')], ask: first[n.indexOf('ask')] },
        notes: ['an empty bid or ask is unchanged since the row before (MetaTrader writes only what changed): the last value is carried', "times are the terminal's server time, read as UTC unless a time zone is set"],
      };
    }
    // Time columns: "timestamp" (dukascopy-node), "Time (UTC)" (JForex), "Gmt time" / "Local time" (the web export).
    const dukas = has('askprice', 'bidprice') || (has('ask', 'bid') && (n.includes('timeutc') || n[0] === 'gmttime' || n[0] === 'localtime' || name.includes('dukascopy')));
    // By position (time, ask, bid, ask volume, bid volume), so only when the header is that layout: a
    // Polygon quotes file (ask_exchange, ask_price, ask_size, bid_exchange, bid_price, …) has ask_price
    // second too.
    const dukasLayout = DUKAS_TIME.has(n[0]) && (n[1] === 'askprice' || n[1] === 'ask') && (n[2] === 'bidprice' || n[2] === 'bid');
    if (want('dukascopy') && dukas && dukasLayout) {
      const t = first[0];
      return {
        format: 'dukascopy', kind: 'quotes',
        columns: { time: t, ask: first[1], bid: first[2], askSize: first[3], bidSize: first[4] },
        notes: ['ask columns come before bid columns', n[0] === 'localtime' ? 'local times with their offset (" GMT+hhmm"), converted to UTC' : 'times are UTC'],
      };
    }
    if (want('coinbase-trades') && name.includes('coinbase') && has('side', 'price', 'size')) {
      return {
        format: 'coinbase-trades', kind: 'trades', sideMeaning: 'makerSide',
        columns: { price: 'price', size: 'size', side: 'side' },
        notes: ['side is the MAKER order side (Coinbase convention): buy → the taker sold (−1)'],
      };
    }
    return undefined;
  }

  // Headerless files, recognised from the first row.
  const k = first.length;
  const isBool = (i: number) => BOOL.test(first[i] ?? '');
  const isInt = (i: number) => INT.test(first[i] ?? '');
  if (want('binance-spot-trades') && k === 7 && isInt(0) && isInt(4) && isBool(5) && isBool(6) && !name.includes('aggtrades')) {
    return {
      format: 'binance-spot-trades', kind: 'trades', sideMeaning: 'buyerIsMaker',
      header: ['trade_id', 'price', 'qty', 'quote_qty', 'time', 'is_buyer_maker', 'is_best_match'],
      columns: { time: 'time', price: 'price', size: 'qty', side: 'is_buyer_maker' },
      notes: ['no header: Binance spot trades layout (trade_id, price, qty, quote_qty, time, is_buyer_maker, is_best_match)', binanceTimeNote, buyerMakerNote],
    };
  }
  if (want('binance-spot-aggtrades') && k === 8 && isInt(0) && isInt(5) && isBool(6) && isBool(7)) {
    return {
      format: 'binance-spot-aggtrades', kind: 'trades', sideMeaning: 'buyerIsMaker',
      header: ['agg_trade_id', 'price', 'qty', 'first_trade_id', 'last_trade_id', 'transact_time', 'is_buyer_maker', 'is_best_match'],
      columns: { time: 'transact_time', price: 'price', size: 'qty', side: 'is_buyer_maker' },
      notes: ['no header: Binance spot aggTrades layout (agg_trade_id, price, qty, first_trade_id, last_trade_id, transact_time, is_buyer_maker, is_best_match)', binanceTimeNote, buyerMakerNote],
    };
  }
  if (want('binance-futures-trades') && k === 6 && isInt(0) && isInt(4) && isBool(5)) {
    return {
      format: 'binance-futures-trades', kind: 'trades', sideMeaning: 'buyerIsMaker',
      header: ['id', 'price', 'qty', 'quote_qty', 'time', 'is_buyer_maker'],
      columns: { time: 'time', price: 'price', size: 'qty', side: 'is_buyer_maker' },
      notes: ['no header: Binance futures trades layout (id, price, qty, quote_qty, time, is_buyer_maker)', buyerMakerNote],
    };
  }
  if (want('binance-futures-aggtrades') && k === 7 && isInt(0) && isInt(5) && isBool(6)) {
    return {
      format: 'binance-futures-aggtrades', kind: 'trades', sideMeaning: 'buyerIsMaker',
      header: ['agg_trade_id', 'price', 'qty', 'first_trade_id', 'last_trade_id', 'transact_time', 'is_buyer_maker'],
      columns: { time: 'transact_time', price: 'price', size: 'qty', side: 'is_buyer_maker' },
      notes: ['no header: Binance futures aggTrades layout', buyerMakerNote],
    };
  }
  // update_id, best_bid_price, best_bid_qty, best_ask_price, best_ask_qty, transaction_time, event_time: the
  // bookTicker layout as Binance publishes it, its header row dropped (older monthly files, concatenated days).
  const isDec = (i: number) => DEC.test(first[i] ?? '');
  const isMs = (i: number) => MS_EPOCH.test(first[i] ?? '');
  if (want('binance-futures-bookticker') && k === 7 && isInt(0) && isDec(1) && isDec(2) && isDec(3) && isDec(4) && isMs(5) && isMs(6) && Number(first[1]) <= Number(first[3])) {
    return {
      format: 'binance-futures-bookticker', kind: 'quotes', timeUnit: 'ms',
      header: ['update_id', 'best_bid_price', 'best_bid_qty', 'best_ask_price', 'best_ask_qty', 'transaction_time', 'event_time'],
      columns: { time: 'transaction_time', bid: 'best_bid_price', ask: 'best_ask_price', bidSize: 'best_bid_qty', askSize: 'best_ask_qty' },
      otherTimeColumns: ['event_time'],
      notes: ['no header: Binance futures bookTicker layout (update_id, best_bid_price, best_bid_qty, best_ask_price, best_ask_qty, transaction_time, event_time)', 'time from transaction_time (matching engine, ms); event_time is when Binance pushed the update'],
    };
  }
  if (want('truefx') && k === 4 && /^[A-Z]{3}\/[A-Z]{3}$/i.test(first[0]) && /^\d{8} \d\d:\d\d:\d\d/.test(first[1])) {
    return {
      format: 'truefx', kind: 'quotes', timeUnit: 'compact', timeZone: 'UTC',
      header: ['pair', 'time', 'bid', 'ask'],
      columns: { time: 'time', bid: 'bid', ask: 'ask' },
      notes: [`no header: TrueFX layout (pair, YYYYMMDD hh:mm:ss.fff, bid, ask) for ${first[0]}`, 'times are UTC'],
    };
  }
  if (want('histdata-ticks') && k >= 3 && /^\d{8} \d{9}$/.test(first[0])) {
    return {
      format: 'histdata-ticks', kind: 'quotes', timeUnit: 'compact', timeZone: 'EST',
      header: ['time', 'bid', 'ask', ...first.slice(3).map((_, i) => (i === 0 ? 'volume' : `column ${i + 4}`))],
      columns: { time: 'time', bid: 'bid', ask: 'ask' },
      notes: ['no header: HistData tick layout (YYYYMMDD hhmmssfff, bid, ask, volume)', 'times are EST (UTC−5) all year, without daylight saving (HistData convention)'],
    };
  }
  if (want('histdata-bars') && k === 6 && /^\d{8} \d{6}$/.test(first[0])) {
    return {
      format: 'histdata-bars', kind: 'bars', timeUnit: 'compact', timeZone: 'EST',
      header: ['time', 'open', 'high', 'low', 'close', 'volume'],
      columns: { time: 'time', open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
      notes: ['no header: HistData 1-minute bar layout (YYYYMMDD hhmmss, open, high, low, close, volume)', 'times are EST (UTC−5) all year, without daylight saving (HistData convention)'],
    };
  }
  return undefined;
}

/**
 * The trades carried by a Databento MBP-1 file: its rows with action T (Trade), read with the
 * trade fields price, size and side (the aggressor: B buy +1, A sell −1, N none → inferred) and,
 * to sign an N trade, the book on that row, which for a trade is the BBO before it (TBBO is the
 * subset of MBP-1 in trade space). Source: databento.com/docs/schemas-and-data-formats/mbp-1.
 */
export function mbp1TradesProfile(): FormatProfile {
  return {
    format: 'databento-mbp-1', kind: 'trades', otherTimeColumns: ['ts_event'], sideMeaning: 'side', undefPrice: true,
    rowFilter: { column: 'action', value: 'T' },
    columns: { time: 'ts_recv', price: 'price', size: 'size', side: 'side', bid: 'bid_px_00', ask: 'ask_px_00' },
    notes: [
      'time from ts_recv (Databento capture time, the index it recommends); ts_event is the matching-engine time',
      'trades = the rows with action T; the other rows (book updates) give only quotes',
      'side is the aggressor (B buy +1, A sell −1, N inferred)',
      'bid_px_00/ask_px_00 on a trade row are the book just before the trade: an unsigned trade is signed against it (Lee–Ready)',
    ],
  };
}
