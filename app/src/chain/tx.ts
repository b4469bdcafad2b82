// Sending a transaction as the chosen account: its estimated fee first (paymentInfo), then
// signing, inclusion, and the outcome — its events, or the chain's error in words.
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { DispatchError, EventRecord } from '@polkadot/types/interfaces';
import { signerFor } from '../accounts';
import { chainStore } from './connection';
import { dispatchErrorWords, metaErrorWords, rpcErrorWords } from './errors';

export type Tx = SubmittableExtrinsic<'promise'>;

/** The fee `address` would pay for `tx`, in the smallest unit. */
export async function estimateFee(tx: Tx, address: string): Promise<bigint> {
  const info = await tx.paymentInfo(address);
  return info.partialFee.toBigInt();
}

/** A dispatch error in words: the pallet error's doc comment, or a sentence. */
export function errorWords(api: ApiPromise, error: DispatchError): string {
  if (error.isModule) {
    try {
      const meta = api.registry.findMetaError(error.asModule);
      return metaErrorWords({ section: meta.section, name: meta.name, docs: meta.docs }, chainStore.get().consts);
    } catch {
      return 'The chain refused it (an error this app does not know).';
    }
  }
  return dispatchErrorWords(error.toJSON());
}

export interface Sent {
  events: EventRecord[];
  blockHash: string;
}

/**
 * Signs `tx` as `address` and sends it. Resolves once it is in a block without error; rejects
 * with an Error whose message is the error in words.
 */
export function send(api: ApiPromise, tx: Tx, address: string, onStatus?: (text: string) => void): Promise<Sent> {
  const how = signerFor(address);
  if (!how) return Promise.reject(new Error('This account cannot sign here: choose a dev account or enable your extension.'));
  return new Promise((resolve, reject) => {
    let unsub: (() => void) | null = null;
    const done = () => unsub?.();
    const callback = ({ status, events, dispatchError }: { status: { isReady: boolean; isBroadcast: boolean; isInBlock: boolean; asInBlock: { toHex(): string }; isInvalid: boolean; isDropped: boolean; isUsurped: boolean }; events: EventRecord[]; dispatchError?: DispatchError }) => {
      if (status.isReady || status.isBroadcast) onStatus?.('Sent; waiting for a block…');
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        done();
        reject(new Error('The transaction was dropped by the node: try again.'));
        return;
      }
      if (!status.isInBlock) return;
      done();
      if (dispatchError) reject(new Error(errorWords(api, dispatchError)));
      else resolve({ events, blockHash: status.asInBlock.toHex() });
    };
    onStatus?.('Signing…');
    const sending =
      'pair' in how
        ? tx.signAndSend(how.pair, callback as never)
        : tx.signAndSend(address, { signer: how.signer }, callback as never);
    sending
      .then((u) => {
        unsub = u as unknown as () => void;
      })
      .catch((e: unknown) => reject(new Error(rpcErrorWords(String((e as Error)?.message ?? e)))));
  });
}
