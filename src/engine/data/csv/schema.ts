import { CsvError } from './csv-error';
import type { TickColumn, TickKind } from './types';

/** How a slot's text becomes a number. */
export const SLOT_TIME = 0;
export const SLOT_NUMBER = 1;
/** side / taker_side: buy → +1, sell → −1. */
export const SLOT_SIDE = 2;
/** buyer_is_maker: true means the seller took liquidity → −1. */
export const SLOT_SIDE_INVERTED = 3;
/** The maker's side (Coinbase): buy → the taker sold → −1. */
export const SLOT_SIDE_MAKER = 4;

/** The columns a kind needs and may have, in output order. */
export const KIND_COLUMNS: Record<TickKind, { required: TickColumn[]; optional: TickColumn[] }> = {
  quotes: { required: ['time', 'bid', 'ask'], optional: ['bidSize', 'askSize'] },
  trades: { required: ['time', 'price', 'size'], optional: ['side'] },
  prices: { required: ['time', 'price'], optional: [] },
  bars: { required: ['time', 'open', 'high', 'low', 'close'], optional: ['volume'] },
};

/** User-facing (file-style) names of the canonical columns, used in messages. */
export const DISPLAY_NAME: Record<TickColumn, string> = {
  time: 'time', bid: 'bid', ask: 'ask', bidSize: 'bid_size', askSize: 'ask_size', price: 'price', size: 'size',
  side: 'side', open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume',
};

/**
 * Header aliases, compared after lowercasing and dropping everything but letters and digits
 * ("Best Bid", "best_bid" and "BEST-BID" all read "bestbid"). Earlier aliases win: the
 * collector's receive clock local_ts_ns is preferred over exchange times, so that a quotes
 * file and a trades file from the same capture share one clock.
 */
const ALIASES: Record<TickColumn, string[]> = {
  time: ['localtsns', 'localtsus', 'localtsms', 'localts', 'localtimestamp', 'tsrecv', 'timestamp', 'ts', 'time', 'datetime', 'date', 'tsevent', 'eventtime', 'transacttime',
    'transactiontime', 'tradetime', 'opentime', 'excheventms', 'exchtxms', 'exchtradems', 't'],
  bid: ['bidpx', 'bid', 'bestbid', 'bidprice', 'bestbidprice', 'bestbidpx'],
  ask: ['askpx', 'ask', 'bestask', 'askprice', 'bestaskprice', 'bestaskpx', 'offer', 'offerprice', 'offerpx'],
  bidSize: ['bidqty', 'bidsize', 'bestbidqty', 'bestbidsize', 'bidvolume', 'bidamount', 'bidsz', 'bidquantity'],
  askSize: ['askqty', 'asksize', 'bestaskqty', 'bestasksize', 'askvolume', 'askamount', 'asksz', 'askquantity', 'offersize', 'offerqty'],
  price: ['price', 'px', 'tradeprice', 'lastprice', 'last', 'p', 'midprice', 'mid', 'close'],
  size: ['qty', 'size', 'amount', 'volume', 'quantity', 'tradesize', 'tradeqty', 'vol', 'q', 'v'],
  side: ['side', 'takerside', 'aggressor', 'aggressorside', 'direction', 'buyerismaker', 'isbuyermaker', 'm'],
  open: ['open', 'o', 'openprice'],
  high: ['high', 'h', 'highprice'],
  low: ['low', 'l', 'lowprice'],
  close: ['close', 'c', 'closeprice'],
  volume: ['volume', 'vol', 'v', 'basevolume', 'qty', 'amount', 'size'],
};

const INVERTED_SIDE = new Set(['buyerismaker', 'isbuyermaker', 'm']);

export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Time-like names beyond the aliases: a word ts/time/timestamp/date with any prefix or unit suffix (local_ts_ms, exch_time_us). */
const TIME_PATTERN = /(^|[_ .-])(ts|time|timestamp|date|datetime)([_ .-]|$)/;
/** Size-like names: qty, size, volume, quantity as a word, amount as prefix or suffix (amount_btc, base_amount); not bid/ask/quote sizes. */
const SIZE_PATTERN = /^amount|amount$|(^|[_ .-])(qty|size|volume|quantity)([_ .-]|$)/;
const NOT_TRADE_SIZE = /^(bid|ask|best|quote)|quote/;

/** Whether header `raw` (as written) can hold column `col` by the name patterns (after the exact aliases). */
function patternMatch(col: TickColumn, raw: string): boolean {
  const h = raw.trim().toLowerCase();
  if (col === 'time') return TIME_PATTERN.test(h);
  if (col === 'size' || col === 'volume') return SIZE_PATTERN.test(h) && !NOT_TRADE_SIZE.test(h);
  return false;
}

/** Header fields that could hold the time (by alias or name pattern), in header order: alternatives for the detection report. */
export function timeLikeColumns(header: string[]): string[] {
  return header.filter((h) => ALIASES.time.includes(normalizeHeader(h)) || patternMatch('time', h));
}

/** The epoch unit a column name states by its suffix (local_ts_ms → ms, ts_event_ns → ns, time_s → s), if any. */
export function unitFromName(name: string): 's' | 'ms' | 'us' | 'ns' | undefined {
  const m = /(?:^|[_ .\-([])(s|sec|secs|seconds|ms|millis|milliseconds|us|µs|micros|microseconds|ns|nanos|nanoseconds)[)\]]?$/.exec(name.trim().toLowerCase());
  if (!m) return undefined;
  const u = m[1];
  if (u.startsWith('s')) return 's';
  if (u.startsWith('ms') || u.startsWith('milli')) return 'ms';
  if (u === 'us' || u === 'µs' || u.startsWith('micro')) return 'us';
  return 'ns';
}

/** The resolved layout: which header field feeds which output slot. */
export interface Schema {
  kind: TickKind;
  /** Output columns in order; slot i fills columns[slots[i]]. */
  slots: TickColumn[];
  slotType: Uint8Array;
  slotRequired: Uint8Array;
  /** Header field index of each slot. */
  slotField: Int32Array;
  /** Per header field: its slot, or −1 when the field is ignored. */
  fieldSlot: Int32Array;
  mapping: Partial<Record<TickColumn, string>>;
}

export function kindSpec(kind: TickKind): string {
  const { required, optional } = KIND_COLUMNS[kind];
  const req = required.map((c) => DISPLAY_NAME[c]).join(', ');
  return optional.length ? `${req} [, ${optional.map((c) => DISPLAY_NAME[c]).join(', ')}]` : req;
}

const ALL_KINDS_SPEC = `quotes (${kindSpec('quotes')}), trades (${kindSpec('trades')}), prices (${kindSpec('prices')}) or bars (${kindSpec('bars')})`;

/** Binance kline exports have no header: open_time, open, high, low, close, volume, close_time, … (12 fields). */
const KLINE_FIELDS = 12;

/**
 * Decide the kind and the field of each column from the header (or from `mapping` given by
 * the user). Throws a CsvError with code 'columns' (line 1) naming what is missing, what was
 * found and what is expected, so the UI can offer the column-mapping dialog.
 */
export function resolveSchema(
  header: string[],
  headerless: boolean,
  forcedKind: TickKind | undefined,
  mapping: Partial<Record<TickColumn, string | number>> | undefined,
  sideMeaning?: 'side' | 'buyerIsMaker' | 'makerSide',
): Schema {
  const norm = header.map(normalizeHeader);
  const found = header.join(', ');
  const chosen = new Map<TickColumn, number>();
  const used = new Set<number>();

  for (const [col, ref] of Object.entries(mapping ?? {}) as [TickColumn, string | number][]) {
    if (ref === undefined || ref === '') continue;
    let idx: number;
    if (typeof ref === 'number') idx = Number.isInteger(ref) && ref >= 0 && ref < header.length ? ref : -1;
    else {
      idx = header.findIndex((h) => h.trim().toLowerCase() === ref.trim().toLowerCase());
      if (idx < 0) idx = norm.indexOf(normalizeHeader(ref));
    }
    if (idx < 0) {
      throw new CsvError(1, DISPLAY_NAME[col] ?? String(col), `column ${JSON.stringify(ref)} given for ${DISPLAY_NAME[col] ?? col} is not in the header: found ${found}`, 'columns', header);
    }
    chosen.set(col, idx);
    used.add(idx);
  }

  if (headerless && chosen.size === 0 && header.length === KLINE_FIELDS && (forcedKind === undefined || forcedKind === 'bars')) {
    ['time', 'open', 'high', 'low', 'close', 'volume'].forEach((c, i) => chosen.set(c as TickColumn, i));
  } else if (!headerless) {
    const find = (col: TickColumn) => {
      if (chosen.has(col)) return;
      for (const alias of ALIASES[col]) {
        const idx = norm.findIndex((h, i) => h === alias && !used.has(i));
        if (idx >= 0) {
          chosen.set(col, idx);
          used.add(idx);
          return;
        }
      }
      const idx = header.findIndex((h, i) => !used.has(i) && patternMatch(col, h));
      if (idx >= 0) {
        chosen.set(col, idx);
        used.add(idx);
      }
    };
    const kindGuess = forcedKind ?? guessKind(norm, chosen, header);
    if (kindGuess) for (const c of [...KIND_COLUMNS[kindGuess].required, ...KIND_COLUMNS[kindGuess].optional]) find(c);
  }

  const kind = forcedKind ?? guessKindFromChosen(chosen) ?? (headerless ? undefined : guessKind(norm, chosen, header));
  if (!kind) {
    if (headerless) {
      throw new CsvError(1, '', `no header row: the first line holds numbers (${header.length} fields); map the columns to ${ALL_KINDS_SPEC}`, 'columns', header);
    }
    throw new CsvError(1, '', `no usable columns: found ${found}; expected ${ALL_KINDS_SPEC}`, 'columns', header);
  }
  const { required, optional } = KIND_COLUMNS[kind];
  const missing = required.filter((c) => !chosen.has(c));
  if (missing.length) {
    const names = missing.map((c) => DISPLAY_NAME[c]);
    const what = missing.length === 1 ? `column ${names[0]}` : `columns ${names.join(', ')}`;
    throw new CsvError(1, names[0], `missing required ${what} for ${kind}: found ${found}; expected ${kindSpec(kind)}`, 'columns', header);
  }

  // A trades file may carry the book just before each trade (Databento TBBO) when it is mapped explicitly: used to sign trades.
  const extra: TickColumn[] = kind === 'trades' ? (['bid', 'ask'] as TickColumn[]).filter((c) => chosen.has(c) && mapping?.[c] !== undefined) : [];
  const slots = [...required, ...optional.filter((c) => chosen.has(c)), ...(extra.length === 2 ? extra : [])];
  const fieldSlot = new Int32Array(header.length).fill(-1);
  const slotType = new Uint8Array(slots.length);
  const slotRequired = new Uint8Array(slots.length);
  const slotField = new Int32Array(slots.length);
  const resolved: Partial<Record<TickColumn, string>> = {};
  slots.forEach((col, s) => {
    const idx = chosen.get(col)!;
    fieldSlot[idx] = s;
    slotField[s] = idx;
    slotRequired[s] = required.includes(col) ? 1 : 0;
    const meaning = sideMeaning ?? (INVERTED_SIDE.has(norm[idx]) ? 'buyerIsMaker' : 'side');
    const sideType = meaning === 'buyerIsMaker' ? SLOT_SIDE_INVERTED : meaning === 'makerSide' ? SLOT_SIDE_MAKER : SLOT_SIDE;
    slotType[s] = col === 'time' ? SLOT_TIME : col === 'side' ? sideType : SLOT_NUMBER;
    resolved[col] = header[idx];
  });
  return { kind, slots, slotType, slotRequired, slotField, fieldSlot, mapping: resolved };
}

function has(norm: string[], col: TickColumn, header?: string[]): boolean {
  return ALIASES[col].some((a) => norm.includes(a)) || (header !== undefined && header.some((h) => patternMatch(col, h)));
}

/** Quotes (a bid or an ask column) beat bars beat trades beat prices: a bookTicker file with a `price`-like extra is still quotes. */
function guessKind(norm: string[], chosen: Map<TickColumn, number>, header?: string[]): TickKind | undefined {
  const h = (c: TickColumn) => chosen.has(c) || has(norm, c);
  if (h('bid') || h('ask')) return 'quotes';
  if (['open', 'high', 'low'].some((c) => chosen.has(c as TickColumn) || norm.includes(c))) return 'bars';
  if (h('price') && (h('size') || has(norm, 'size', header))) return 'trades';
  if (h('price')) return 'prices';
  return undefined;
}

function guessKindFromChosen(chosen: Map<TickColumn, number>): TickKind | undefined {
  if (chosen.has('bid') || chosen.has('ask')) return 'quotes';
  if (chosen.has('open') || chosen.has('high') || chosen.has('low')) return 'bars';
  if (chosen.has('size') || chosen.has('side')) return 'trades';
  if (chosen.has('price')) return 'prices';
  return undefined;
}
