import { describe, expect, it } from 'vitest';
import { dispatchErrorWords, metaErrorWords, rpcErrorWords } from '../src/chain/errors';

describe('pallet errors in words', () => {
  const consts = { guarantor: { minGuarantee: '10 POR', maxPanelSize: '7' } };
  it('is the doc comment, with constants filled in', () => {
    expect(
      metaErrorWords({ section: 'guarantor', name: 'GuaranteeTooSmall', docs: ['A guarantee must be at least `MinGuarantee`.'] }, consts),
    ).toBe('A guarantee must be at least 10 POR.');
  });
  it('joins multi-line docs and turns call names into words', () => {
    expect(
      metaErrorWords({
        section: 'guarantor',
        name: 'AlreadyGuaranteed',
        docs: ['This guarantor already guarantees this ward; use', '`increase_guarantee`.'],
      }),
    ).toBe('This guarantor already guarantees this ward; use “increase guarantee”.');
  });
  it('keeps unknown names and never shows a raw index', () => {
    const text = metaErrorWords({ section: 'agreements', name: 'InvalidAcceptBy', docs: ['`accept_by` must be in the future, at most `MaxAcceptPeriod` ahead.'] });
    expect(text).toBe('“accept by” must be in the future, at most MaxAcceptPeriod ahead.');
    expect(text).not.toMatch(/index|0x/);
  });
  it('falls back to the error name in words without docs', () => {
    expect(metaErrorWords({ section: 'guarantor', name: 'NotPanelist', docs: [] })).toBe('guarantor: not panelist.');
  });
});

describe('other errors in words', () => {
  it('explains token and origin errors', () => {
    expect(dispatchErrorWords({ token: 'FundsUnavailable' })).toBe('Not enough free funds for this.');
    expect(dispatchErrorWords('BadOrigin')).toBe('This account may not do this.');
    expect(dispatchErrorWords({ arithmetic: 'Underflow' })).toMatch(/too large or too small/);
  });
  it('explains pool rejections', () => {
    expect(rpcErrorWords('1010: Invalid Transaction: Inability to pay some fees , e.g. account balance too low')).toMatch(/cannot pay the transaction fee/);
    expect(rpcErrorWords('1014: Priority is too low: (0 vs 0)')).toMatch(/already waiting/);
    expect(rpcErrorWords('something else')).toBe('something else');
  });
});
