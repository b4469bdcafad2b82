import { describe, expect, it } from 'vitest';
import { blockPeriod, blocksToTime, formatDuration, formatPor, formatPorExact, parsePor, shortAddress, UNIT, words } from '../src/format';

describe('formatPor', () => {
  it('shows whole POR without decimals and groups thousands', () => {
    expect(formatPor(35n * UNIT)).toBe('35 POR');
    expect(formatPor('1000000000000000')).toBe('1,000 POR');
    expect(formatPor(1_000_000n * UNIT)).toBe('1,000,000 POR');
    expect(formatPor(0n)).toBe('0 POR');
  });
  it('rounds to two decimals from 0.005 POR up', () => {
    expect(formatPor(1_234_567_800_000_000n)).toBe('1,234.57 POR');
    expect(formatPor(200_000_000_000n)).toBe('0.2 POR');
    expect(formatPor(1_999_999_999_999n)).toBe('2 POR');
    expect(formatPor(5_000_000_000n)).toBe('0.01 POR');
  });
  it('keeps three significant digits of small amounts such as fees', () => {
    expect(formatPor(3_141_592_653n)).toBe('0.00314 POR');
    expect(formatPor(1n)).toBe('0.000000000001 POR');
    expect(formatPor(1_000_000_000n)).toBe('0.001 POR');
  });
  it('handles negatives, decimal strings and the bare number', () => {
    expect(formatPor(-35n * UNIT)).toBe('−35 POR');
    expect(formatPor('70000000000000', false)).toBe('70');
    expect(formatPor(null)).toBe('—');
  });
  it('has an exact form', () => {
    expect(formatPorExact(35n * UNIT + 1n)).toBe('35.000000000001 POR');
    expect(formatPorExact('5000000000000')).toBe('5 POR');
  });
});

describe('parsePor', () => {
  it('reads what people type', () => {
    expect(parsePor('40')).toBe(40n * UNIT);
    expect(parsePor(' 0.5 ')).toBe(UNIT / 2n);
    expect(parsePor('1,000.25 POR')).toBe(1000n * UNIT + UNIT / 4n);
    expect(parsePor('.1')).toBe(UNIT / 10n);
    expect(parsePor('0.000000000001')).toBe(1n);
  });
  it('refuses the rest in words', () => {
    expect(() => parsePor('')).toThrow(/not an amount/);
    expect(() => parsePor('-3')).toThrow(/not an amount/);
    expect(() => parsePor('1e3')).toThrow(/not an amount/);
    expect(() => parsePor('0.0000000000001')).toThrow(/at most 12 decimals/);
  });
  it('round-trips with formatPor', () => {
    for (const text of ['35', '0.2', '1,234.57']) expect(formatPor(parsePor(text), false)).toBe(text);
  });
});

describe('block times', () => {
  it('says how far a block is', () => {
    expect(blocksToTime(13, 10)).toBe('in 3 blocks (~18 s)');
    expect(blocksToTime(11, 10)).toBe('in 1 block (~6 s)');
    expect(blocksToTime(10, 10)).toBe('now');
    expect(blocksToTime(8, 10)).toBe('2 blocks ago (~12 s)');
    expect(blocksToTime(20, 10, 12000)).toBe('in 10 blocks (~2 min)');
  });
  it('rounds long durations', () => {
    expect(formatDuration(59_000)).toBe('~59 s');
    expect(formatDuration(600_000)).toBe('~10 min');
    expect(formatDuration(4_800_000)).toBe('~1 h 20 min');
    expect(formatDuration(7 * 24 * 3600_000)).toBe('~7 days');
    expect(formatDuration(24 * 3600_000)).toBe('~1 day');
    expect(blockPeriod(14_400)).toBe('14400 blocks (~1 day)');
  });
});

describe('addresses and words', () => {
  it('shortens SS58 addresses', () => {
    expect(shortAddress('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY')).toBe('5GrwvaEF…KutQY');
    expect(shortAddress('short')).toBe('short');
  });
  it('turns chain words into words', () => {
    expect(words('counterPaid')).toBe('counter paid');
    expect(words('CounterUphold')).toBe('counter uphold');
    expect(words('open')).toBe('open');
  });
});
