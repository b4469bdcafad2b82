// Formatting for people: balances in POR, block counts as times, short SS58 addresses.
// Pure functions, unit-tested in test/format.test.ts.

/** The chain's token: 12 decimals. */
export const DECIMALS = 12;
export const UNIT = 10n ** BigInt(DECIMALS);
export const SYMBOL = 'POR';

function group(int: bigint): string {
  return int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Rounds `value` (in the smallest unit) to `decimals` decimals, half away from zero. */
function roundTo(value: bigint, decimals: number): bigint {
  const step = 10n ** BigInt(DECIMALS - decimals);
  const half = step / 2n;
  const sign = value < 0n ? -1n : 1n;
  const abs = value * sign;
  return (((abs + half) / step) * step) * sign;
}

/**
 * A balance (smallest unit; bigint, decimal string or number) as POR for people:
 * thousands grouped, two decimals at most from 1 POR up ("1,234.57 POR", "35 POR"),
 * three significant digits below ("0.00314 POR"), "0 POR" for nothing.
 */
export function formatPor(value: bigint | string | number | null | undefined, symbol = true): string {
  if (value === null || value === undefined || value === '') return '—';
  let v = typeof value === 'bigint' ? value : BigInt(value);
  const suffix = symbol ? ` ${SYMBOL}` : '';
  if (v === 0n) return `0${suffix}`;
  const negative = v < 0n;
  if (negative) v = -v;
  let decimals: number;
  if (v >= UNIT / 200n) {
    // From 0.005 up: two decimals (0.005 rounds up to 0.01).
    decimals = 2;
  } else {
    // Below: three significant digits.
    const digits = v.toString().length; // digits of the smallest-unit integer, < 10 here
    decimals = Math.min(DECIMALS, DECIMALS - digits + 3);
  }
  const rounded = roundTo(v, decimals);
  const int = rounded / UNIT;
  let frac = (rounded % UNIT).toString().padStart(DECIMALS, '0').slice(0, decimals).replace(/0+$/, '');
  const text = `${group(int)}${frac ? '.' + frac : ''}`;
  return `${negative ? '−' : ''}${text}${suffix}`;
}

/** A balance with every decimal, for titles and tooltips: "35.000000000001 POR". */
export function formatPorExact(value: bigint | string): string {
  const v = typeof value === 'bigint' ? value : BigInt(value);
  const negative = v < 0n;
  const abs = negative ? -v : v;
  const frac = (abs % UNIT).toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '−' : ''}${group(abs / UNIT)}${frac ? '.' + frac : ''} ${SYMBOL}`;
}

/**
 * An amount typed by a person, in POR ("12", "0.5", "1,000.25"), in the smallest unit.
 * Throws an Error in words on anything else.
 */
export function parsePor(text: string): bigint {
  const t = text.trim().replace(/[,\s_]/g, '').replace(/POR$/i, '');
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(t)) throw new Error(`"${text.trim()}" is not an amount of POR`);
  const [int = '0', frac = ''] = t.split('.');
  if (frac.length > DECIMALS) throw new Error(`POR has at most ${DECIMALS} decimals`);
  return BigInt(int || '0') * UNIT + BigInt(frac.padEnd(DECIMALS, '0') || '0');
}

/** A duration in milliseconds, roughly: "~18 s", "~2 min", "~1 h 20 min", "~3 days". */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `~${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `~${min} min`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (h < 24) return m ? `~${h} h ${m} min` : `~${h} h`;
  const days = Math.round(h / 24);
  return `~${days} day${days === 1 ? '' : 's'}`;
}

function blocks(n: number): string {
  return `${n} block${n === 1 ? '' : 's'}`;
}

/**
 * How far block `target` is from block `now`: "in 3 blocks (~18 s)", "now",
 * "2 blocks ago (~12 s)". `blockMs` is the chain's block time.
 */
export function blocksToTime(target: number, now: number, blockMs = 6000): string {
  const d = target - now;
  if (d === 0) return 'now';
  const time = formatDuration(Math.abs(d) * blockMs);
  return d > 0 ? `in ${blocks(d)} (${time})` : `${blocks(-d)} ago (${time})`;
}

/** A period of `n` blocks: "10 blocks (~1 min)". */
export function blockPeriod(n: number, blockMs = 6000): string {
  return `${blocks(n)} (${formatDuration(n * blockMs)})`;
}

/** An SS58 address shortened for display: "5GrwvaEF…KutQY" (first 8, last 5 characters). */
export function shortAddress(address: string): string {
  if (address.length <= 16) return address;
  return `${address.slice(0, 8)}…${address.slice(-5)}`;
}

/** A word from the chain ("counterPaid", "CounterPaid", "freeBalance") for people: "counter paid". */
export function words(camel: string): string {
  return camel
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
}
