// The members' network from the command line (scripts/testnet.sh uses it; docs/validator.md
// gives the same steps in polkadot.js apps):
//
//   node network.mjs register-node <ws> <suri> <peer id>
//       the member <suri> registers its node <peer id> (12D3KooW...): nodeRegistry.registerNode
//   node network.mjs seat-validator <ws> <suri> <validator node ws>
//       the member <suri> has its (--validator) node make session keys
//       (author_rotateKeysWithOwner), sets them (session.setKeys), and the council (//Alice,
//       //Bob, //Charlie, //Dave: 4 of the local testnet's 5) seats it by a 2/3 motion
//       (validatorSet.addValidator); it validates from the session after the next
//
// Each command waits until its transaction is in a block and fails, with the chain's own
// words, if the transaction failed.

import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { base58Decode, cryptoWaitReady } from '@polkadot/util-crypto';
import { send } from './tx.mjs';

/** Passes `call` as a 2/3 motion of the local testnet's council (4 of 5). */
async function councilMotion(api, keyring, call) {
  const [alice, ...others] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((s) =>
    keyring.addFromUri(s));
  const length = call.method.encodedLength;
  const events = await send(api, alice, api.tx.council.propose(4, call, length));
  const proposed = events.find((event) => api.events.council.Proposed.is(event));
  const { proposalIndex, proposalHash } = proposed.data;
  await Promise.all([alice, ...others].map((who) =>
    send(api, who, api.tx.council.vote(proposalHash, proposalIndex, true))));
  const weight = { refTime: 10_000_000_000n, proofSize: 100_000n };
  const closed = await send(
    api, alice, api.tx.council.close(proposalHash, proposalIndex, weight, length));
  const executed = closed.find((event) => api.events.council.Executed.is(event));
  if (!executed || executed.data.result.isErr) {
    throw new Error(`the motion did not execute: ${executed?.data.result.toString()}`);
  }
}

async function main([command, ws, suri, ...rest]) {
  const usage = 'usage: node network.mjs register-node <ws> <suri> <peer id>\n' +
    '       node network.mjs seat-validator <ws> <suri> <validator node ws>';
  if (!['register-node', 'seat-validator'].includes(command) || !ws || !suri ||
      rest.length !== 1) {
    console.error(usage);
    process.exit(2);
  }
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(ws), noInitWarn: true });
  const keyring = new Keyring({ type: 'sr25519' });
  const signer = keyring.addFromUri(suri);
  if (command === 'register-node') {
    const peerId = `0x${Buffer.from(base58Decode(rest[0])).toString('hex')}`;
    await send(api, signer, api.tx.nodeRegistry.registerNode(peerId));
    console.log(`${signer.address} registered node ${rest[0]}`);
  } else {
    // @polkadot/api 16 has no definition of this RPC method yet: call it by name.
    const node = new WsProvider(rest[0]);
    await node.isReady;
    const owner = api.createType('AccountId', signer.address).toHex();
    const { keys, proof } = await node.send('author_rotateKeysWithOwner', [owner]);
    await node.disconnect();
    await send(api, signer, api.tx.session.setKeys(keys, proof));
    console.log(`${signer.address} set its session keys ${keys}`);
    await councilMotion(api, keyring, api.tx.validatorSet.addValidator(signer.address));
    console.log(`the council seated ${signer.address}: it validates from the session after the next`);
  }
  await api.disconnect();
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
