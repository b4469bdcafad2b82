//! The node, over its WebSocket JSON-RPC: only a node on this machine (the tool never loads
//! anyone else's), and only a node running the runtime this tool was built with (it signs with
//! that runtime's versions and decodes with its types).

use std::time::Duration;

use codec::Decode;
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use poruka_runtime::{AccountId, Nonce, VERSION};
use serde_json::Value;
use sp_core::{bytes, H256};

use crate::Error;

/// A block's header fields the tool reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Head {
	pub number: u32,
	pub hash: H256,
	pub parent: H256,
}

/// A connection to a local node.
pub struct Chain {
	client: WsClient,
	/// The chain's genesis hash (signed into every transaction).
	pub genesis: H256,
}

/// Whether `url` names this machine: `ws://127.0.0.1:…`, `ws://localhost:…` or `ws://[::1]:…`.
pub fn is_local(url: &str) -> bool {
	let Some(rest) = url.strip_prefix("ws://") else { return false };
	let host = rest.split('/').next().unwrap_or_default();
	let host = match host.strip_prefix('[') {
		Some(v6) => v6.split(']').next().unwrap_or_default(),
		None => host.split(':').next().unwrap_or_default(),
	};
	matches!(host, "127.0.0.1" | "localhost" | "::1")
}

impl Chain {
	/// Connects to the node at `url` (local only) and checks that it runs this tool's runtime.
	pub async fn connect(url: &str) -> Result<Chain, Error> {
		if !is_local(url) {
			return Err(Error::new(format!(
				"{url} is not a node on this machine: the load tool only loads ws://127.0.0.1, \
				 ws://localhost or ws://[::1]"
			)));
		}
		let client = WsClientBuilder::default()
			.request_timeout(Duration::from_secs(60))
			.max_concurrent_requests(1024)
			.max_response_size(64 * 1024 * 1024)
			.build(url)
			.await
			.map_err(|error| Error::new(format!("cannot connect to {url}: {error}")))?;
		let version: Value = client.request("state_getRuntimeVersion", rpc_params![]).await?;
		let spec = version["specVersion"].as_u64().unwrap_or_default();
		if spec != u64::from(VERSION.spec_version) {
			return Err(Error::new(format!(
				"the node runs runtime version {spec}, this tool was built with {}: rebuild the \
				 tool from the node's source",
				VERSION.spec_version
			)));
		}
		let genesis: H256 = client.request("chain_getBlockHash", rpc_params![0]).await?;
		Ok(Chain { client, genesis })
	}

	/// The connection, for queries this module has no method for.
	pub fn client(&self) -> &WsClient {
		&self.client
	}

	/// The next nonce of `who`, counting its transactions in the pool.
	pub async fn next_nonce(&self, who: &AccountId) -> Result<Nonce, Error> {
		Ok(self.client.request("system_accountNextIndex", rpc_params![who.to_string()]).await?)
	}

	/// Submits an encoded extrinsic: its hash, or the pool's words for why it refused it.
	pub async fn submit(&self, encoded: &[u8]) -> Result<H256, String> {
		self.client
			.request("author_submitExtrinsic", rpc_params![bytes::to_hex(encoded, false)])
			.await
			.map_err(|error| match error {
				jsonrpsee::core::client::Error::Call(call) => match call.data() {
					Some(data) => format!("{}: {}", call.message(), data.get().trim_matches('"')),
					None => call.message().to_string(),
				},
				other => other.to_string(),
			})
	}

	/// New best blocks (`finalized == false`) or finalized blocks, as the node imports them.
	pub async fn heads(&self, finalized: bool) -> Result<Subscription<Value>, Error> {
		let (subscribe, unsubscribe) = if finalized {
			("chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads")
		} else {
			("chain_subscribeNewHeads", "chain_unsubscribeNewHeads")
		};
		Ok(self.client.subscribe(subscribe, rpc_params![], unsubscribe).await?)
	}

	/// The hash of the last finalized block.
	pub async fn finalized_head(&self) -> Result<H256, Error> {
		Ok(self.client.request("chain_getFinalizedHead", rpc_params![]).await?)
	}

	/// The best block's number.
	pub async fn best_number(&self) -> Result<u32, Error> {
		let header: Value = self.client.request("chain_getHeader", rpc_params![]).await?;
		Ok(head_of(&header)?.number)
	}

	/// The header of block `hash`.
	pub async fn header(&self, hash: H256) -> Result<Head, Error> {
		let header: Value = self.client.request("chain_getHeader", rpc_params![hash]).await?;
		head_of(&header)
	}

	/// The encoded extrinsics of block `hash`, in order.
	pub async fn body(&self, hash: H256) -> Result<Vec<Vec<u8>>, Error> {
		let block: Value = self.client.request("chain_getBlock", rpc_params![hash]).await?;
		block["block"]["extrinsics"]
			.as_array()
			.ok_or_else(|| Error::new(format!("block {hash:?} has no extrinsics field")))?
			.iter()
			.map(|hex| {
				bytes::from_hex(hex.as_str().unwrap_or_default())
					.map_err(|_| Error::new(format!("block {hash:?}: an extrinsic is not hex")))
			})
			.collect()
	}

	/// The value at storage `key` in block `hash` (the best block if `None`), decoded; `None`
	/// if there is none.
	pub async fn storage<T: Decode>(
		&self,
		key: &[u8],
		hash: Option<H256>,
	) -> Result<Option<T>, Error> {
		let value: Option<String> = self
			.client
			.request("state_getStorage", rpc_params![bytes::to_hex(key, false), hash])
			.await?;
		value
			.map(|hex| {
				let raw = bytes::from_hex(&hex).map_err(|_| Error::new("storage is not hex"))?;
				T::decode(&mut &raw[..])
					.map_err(|error| Error::new(format!("storage does not decode: {error}")))
			})
			.transpose()
	}
}

/// The number, hash and parent of a header in JSON.
pub fn head_of(header: &Value) -> Result<Head, Error> {
	let number = header["number"]
		.as_str()
		.and_then(|hex| u32::from_str_radix(hex.trim_start_matches("0x"), 16).ok())
		.ok_or_else(|| Error::new(format!("a header without a number: {header}")))?;
	let parent = serde_json::from_value(header["parentHash"].clone())
		.map_err(|_| Error::new(format!("a header without a parent: {header}")))?;
	// The RPC sends headers without their hash: hash the SCALE encoding as the chain does.
	let decoded: poruka_runtime::Header = serde_json::from_value(header.clone())
		.map_err(|error| Error::new(format!("a header that does not decode: {error}")))?;
	use sp_core::Hasher as _;
	let hash = sp_core::Blake2Hasher::hash(&codec::Encode::encode(&decoded));
	Ok(Head { number, hash, parent })
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn only_nodes_on_this_machine_are_loaded() {
		assert!(is_local("ws://127.0.0.1:9944"));
		assert!(is_local("ws://localhost:9944/"));
		assert!(is_local("ws://[::1]:9944"));
		assert!(!is_local("ws://10.0.0.7:9944"));
		assert!(!is_local("ws://127.0.0.1.example.com:9944"));
		assert!(!is_local("wss://127.0.0.1:9944"));
		assert!(!is_local("http://127.0.0.1:9944"));
	}
}
