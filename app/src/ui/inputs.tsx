// Form inputs: an account (a known name such as "Ferdie", or an SS58 address) and an amount in POR.
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { accountsStore } from '../accounts';
import { parsePor } from '../format';

/** The address `text` names: a known account's name, or an SS58 address. Throws in words. */
export function resolveAccount(text: string, what = 'account'): string {
  const t = text.trim();
  if (!t) throw new Error(`Enter the ${what}: a name from the list or an address.`);
  const byName = accountsStore.get().accounts.find((a) => a.name.toLowerCase() === t.toLowerCase());
  if (byName) return byName.address;
  try {
    return encodeAddress(decodeAddress(t), 42);
  } catch {
    throw new Error(`"${t}" is not an account address.`);
  }
}

/** An amount from a field, in the smallest unit; more than zero. Throws in words. */
export function amountOf(text: string, what = 'amount'): bigint {
  if (!text.trim()) throw new Error(`Enter the ${what} in POR.`);
  const v = parsePor(text);
  if (v <= 0n) throw new Error(`The ${what} must be more than zero.`);
  return v;
}

export function AccountField({ id, label, value, onInput }: { id: string; label: string; value: string; onInput: (v: string) => void }) {
  const accounts = accountsStore.get().accounts;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} list={`${id}-list`} value={value} onInput={(e) => onInput((e.target as HTMLInputElement).value)} autocomplete="off" spellcheck={false} placeholder="name or address" />
      <datalist id={`${id}-list`}>
        {accounts.map((a) => (
          <option value={a.name}>{a.address}</option>
        ))}
      </datalist>
    </div>
  );
}

export function AmountField({ id, label, value, onInput, hint }: { id: string; label: string; value: string; onInput: (v: string) => void; hint?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <span class="with-unit">
        <input id={id} inputMode="decimal" value={value} onInput={(e) => onInput((e.target as HTMLInputElement).value)} autocomplete="off" />
        <span class="unit" aria-hidden="true">
          POR
        </span>
      </span>
      {hint && <small class="muted">{hint}</small>}
    </div>
  );
}

