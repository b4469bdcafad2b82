// A button for a transaction: it prepares the call (checking the form; a mistake is shown in
// words next to it), then asks for confirmation in a dialog that states the effect in words and
// the estimated fee, signs as the chosen account, and reports the outcome — the chain's error in
// words, never a code.
import type { ApiPromise } from '@polkadot/api';
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { send, estimateFee, type Sent, type Tx } from '../chain/tx';
import { formatPor } from '../format';
import { useAccounts, useChain } from '../hooks';
import { notify } from '../notices';

export interface Prepared {
  tx: Tx;
  /** What happens, in words: "Hold 40 POR of your free balance as a guarantee for Ferdie." */
  effect: ComponentChildren;
}

interface Props {
  label: string;
  /** Builds the call from the form; throws an Error in words if the form is wrong. */
  prepare: (api: ApiPromise) => Prepared;
  /** Said once it is in a block. */
  done?: string;
  onDone?: (sent: Sent, api: ApiPromise) => void;
  kind?: 'primary' | 'secondary' | 'danger';
  /** Adds to the chain's error in words what the page knows of its cause. */
  explain?: (error: string) => string;
  disabled?: boolean;
  title?: string;
}

let dialogs = 0;

export function TxButton({ label, prepare, done, onDone, kind = 'primary', explain, disabled, title }: Props) {
  const chain = useChain();
  const { selected } = useAccounts();
  const dialog = useRef<HTMLDialogElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [fee, setFee] = useState<string>('estimating…');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [id] = useState(() => `tx-${++dialogs}`);

  const open = () => {
    setFormError(null);
    if (!chain.api || !selected) return;
    let p: Prepared;
    try {
      p = prepare(chain.api);
    } catch (e) {
      setFormError(String((e as Error).message ?? e));
      return;
    }
    setPrepared(p);
    setError(null);
    setStatus(null);
    setFee('estimating…');
    estimateFee(p.tx, selected)
      .then((f) => setFee(`about ${formatPor(f)}`))
      .catch(() => setFee('unknown (the node could not estimate it)'));
    dialog.current?.showModal();
  };

  const close = () => {
    dialog.current?.close();
    setPrepared(null);
    setBusy(false);
  };

  const confirm = async () => {
    if (!chain.api || !selected || !prepared) return;
    setBusy(true);
    setError(null);
    try {
      const sent = await send(chain.api, prepared.tx, selected, setStatus);
      close();
      notify({ kind: 'success', text: done ?? `${label}: done.` });
      onDone?.(sent, chain.api);
    } catch (e) {
      const words = String((e as Error).message ?? e);
      setError(explain ? explain(words) : words);
      setStatus(null);
      setBusy(false);
    }
  };

  const unavailable = !selected ? 'Choose an account first' : !chain.ready ? 'Not connected to a node' : undefined;

  return (
    <>
      <button type="button" class={`btn ${kind}`} onClick={open} disabled={disabled || !!unavailable} title={unavailable ?? title}>
        {label}
      </button>
      {formError && (
        <span class="error inline" role="alert">
          {formError}
        </span>
      )}
      <dialog ref={dialog} aria-labelledby={`${id}-title`} onClose={() => setPrepared(null)} onCancel={(e) => busy && e.preventDefault()}>
        <h2 id={`${id}-title`}>{label}?</h2>
        {prepared && (
          <>
            <div class="effect">{prepared.effect}</div>
            <p class="fee">
              Transaction fee: <strong>{fee}</strong>
            </p>
            {status && (
              <p class="status" role="status">
                {status}
              </p>
            )}
            {error && (
              <p class="error" role="alert">
                {error}
              </p>
            )}
            <div class="actions">
              <button type="button" class="btn secondary" onClick={close} disabled={busy}>
                {error ? 'Close' : 'Cancel'}
              </button>
              {!error && (
                <button type="button" class={`btn ${kind === 'danger' ? 'danger' : 'primary'}`} onClick={confirm} disabled={busy} autofocus>
                  Confirm
                </button>
              )}
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
