// Sending a transaction and waiting for it, shared by the client's scripts.

/**
 * Signs and sends `tx` as `signer`; resolves with its events (the `event` of each record) once
 * it is in a block, or rejects with the chain's error in words (`section.Name: its doc`).
 */
export function send(api, signer, tx) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        if (dispatchError.isModule) {
          const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
          reject(new Error(`${section}.${name}: ${docs.join(' ')}`));
        } else {
          reject(new Error(dispatchError.toString()));
        }
      } else if (status.isInBlock) {
        resolve(events.map(({ event }) => event));
      }
    }).catch(reject);
  });
}
