// What the browser tests share: one `poruka-node --dev --tmp` on free ports, the built app served
// by serve.mjs, Debian's chromium through playwright-core, a person = a browser context acting
// as one dev account, and JSON-RPC calls to cross-check what the page shows.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { TypeRegistry } from '@polkadot/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';

export const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS = join(APP_DIR, 'test-results');
export const NODE_BIN = process.env.PORUKA_NODE_BIN ?? `${process.env.HOME}/.cache/poruka/target/release/poruka-node`;
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const UNIT = 10n ** 12n;
export const por = (n) => (BigInt(n) * UNIT).toString();

/** A free TCP port at or above `from` (never the default 9944, nor 996x–999x). The RPC port is
 * taken from 9950 and the p2p port from 19950, away from the Rust end-to-end tests (20000–31999),
 * which run beside these in scripts/test.sh. */
export async function freePort(from = 9950) {
  for (let p = from; p < from + 500; p++) {
    if (p >= 9960 && p <= 9999) continue;
    const ok = await new Promise((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error('no free port');
}

/** Starts a dev node; resolves once its RPC answers. */
export async function startNode() {
  mkdirSync(RESULTS, { recursive: true });
  const rpcPort = Number(process.env.PORUKA_APP_RPC_PORT ?? (await freePort(9950)));
  const p2pPort = await freePort(19950);
  const log = createWriteStream(join(RESULTS, 'node.log'));
  const child = spawn(
    NODE_BIN,
    ['--dev', '--tmp', '--rpc-port', String(rpcPort), '--port', String(p2pPort), '--no-mdns', '--no-prometheus', '--no-telemetry'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const node = { child, rpcPort, ws: `ws://127.0.0.1:${rpcPort}`, http: `http://127.0.0.1:${rpcPort}` };
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`poruka-node exited (${child.exitCode}); see test-results/node.log`);
    try {
      const h = await rpc(node, 'chain_getHeader');
      if (h) return node;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  child.kill('SIGKILL');
  throw new Error('poruka-node did not answer within 60 s');
}

export function stopNode(node) {
  if (node?.child && node.child.exitCode === null) node.child.kill('SIGTERM');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let rpcId = 0;
/** A JSON-RPC call over HTTP; throws the node's error message. */
export async function rpc(node, method, params = []) {
  const res = await fetch(node.http, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: ++rpcId, jsonrpc: '2.0', method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${body.error.code}: ${body.error.message}`);
  return body.result;
}

export async function bestNumber(node) {
  return parseInt((await rpc(node, 'chain_getHeader')).number, 16);
}

/** Waits (polling the node) until `check()` is truthy; returns its value. */
export async function until(what, check, timeoutMs = 120_000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(1000);
  }
  throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

export const DEV = {
  Alice: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  Bob: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
  Charlie: '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y',
  Dave: '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy',
  Eve: '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw',
  Ferdie: '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL',
};
export const nameOf = (address) => Object.entries(DEV).find(([, a]) => a === address)?.[0] ?? address;

/** Serves app/dist on a free port. */
export async function startServer() {
  if (!existsSync(join(APP_DIR, 'dist', 'index.html'))) throw new Error('app/dist is missing: run `npm run build` first');
  const server = await serve(join(APP_DIR, 'dist'), 0);
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A browser extension in `context`, as @polkadot/extension-dapp finds one: an init script sets
 * `window.injectedWeb3` before the page runs, offering one account (`name`, with the key of
 * `uri`) and a signer. Like a real extension it keeps the key out of the page: the page's
 * `signPayload` reaches this test process through a Playwright binding, which signs the payload
 * with @polkadot/keyring as an extension does (`ExtrinsicPayload.sign`). Returns the account's
 * address and the payloads signed so far.
 */
export async function addFakeExtension(context, { name, uri }) {
  await cryptoWaitReady();
  const pair = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(uri, { name });
  const signed = [];
  await context.exposeBinding('porukaTestExtensionSign', async (_source, payload) => {
    if (payload.address !== pair.address) throw new Error(`the extension has no key for ${payload.address}`);
    const registry = new TypeRegistry();
    registry.setSignedExtensions(payload.signedExtensions);
    const { signature } = registry.createType('ExtrinsicPayload', payload, { version: payload.version }).sign(pair);
    signed.push(payload);
    return signature;
  });
  await context.addInitScript(
    ({ address, name }) => {
      const account = { address, name, type: 'sr25519' };
      let id = 0;
      window.injectedWeb3 = {
        'poruka-test-extension': {
          version: '1.0.0',
          enable: async () => ({
            accounts: {
              get: async () => [account],
              subscribe: (cb) => {
                cb([account]);
                return () => undefined;
              },
            },
            signer: {
              signPayload: async (payload) => ({ id: ++id, signature: await window.porukaTestExtensionSign(payload) }),
            },
          }),
        },
      };
    },
    { address: pair.address, name },
  );
  return { address: pair.address, signed };
}

/**
 * A person: a fresh browser context (its own storage) with the app open on `ws`, acting as the
 * dev account `name` (one click on its button), or, with `extension` ({ name, uri }), as the
 * account of a fake browser extension (chosen in the header's list). Console errors and page
 * errors are collected in `errors`; the test fails on any.
 */
export async function person(browser, app, ws, name, { viewport = { width: 1280, height: 900 }, hash = '#/me', extension } = {}) {
  const context = await browser.newContext({ viewport });
  const ext = extension ? await addFakeExtension(context, extension) : null;
  if (ext) name = extension.name;
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${name}: page error: ${e.message}`));
  await page.goto(`${app}/?ws=${encodeURIComponent(ws)}${hash}`);
  await page.getByTestId('connection').getByText('Connected to').waitFor({ timeout: 60_000 });
  if (ext) await page.getByLabel('Extension account').selectOption(ext.address);
  else if (name) await page.getByRole('button', { name, exact: true }).click();
  return { name, context, page, errors, extension: ext };
}

/**
 * Runs `fn(p.page)` when nothing else runs for person `p`: one story at a time uses a person's
 * page, and an account never has two transactions signed at once (their nonces would clash).
 */
const queues = new Map();
export function act(p, fn) {
  const previous = queues.get(p.name) ?? Promise.resolve();
  const run = previous.then(() => fn(p.page));
  queues.set(p.name, run.catch(() => undefined));
  return run;
}

/**
 * Clicks `label` (inside `within`, if given), checks the confirmation dialog (effect in words,
 * estimated fee), confirms, and waits for the outcome.
 */
export async function confirmTx(page, label, { effect, expectError, within = page } = {}) {
  await within.getByRole('button', { name: label, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  const opened = await dialog.waitFor({ timeout: 5000 }).then(() => true, () => false);
  if (!opened) {
    const alerts = await page.locator('.error.inline').allInnerTexts();
    throw new Error(`"${label}" opened no confirmation: ${alerts.join(' ') || 'no message'}`);
  }
  if (effect) await dialog.getByText(effect).first().waitFor();
  await dialog.getByText(/Transaction fee: about \d/).waitFor({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  if (expectError) {
    await dialog.getByRole('alert').getByText(expectError).waitFor({ timeout: 60_000 });
    const text = await dialog.getByRole('alert').textContent();
    await dialog.getByRole('button', { name: 'Close' }).click();
    return text;
  }
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
}

export async function shot(page, name) {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}

/**
 * A TCP proxy to `port` that the test can cut and restore, to show the app losing its node: it
 * listens all along; while cut it drops every connection and refuses new ones at once.
 */
export async function cuttableProxy(port) {
  const listenPort = await freePort(30990);
  const sockets = new Set();
  let blocked = false;
  const server = createServer((client) => {
    if (blocked) {
      client.destroy();
      return;
    }
    const upstream = tcpConnect(port, '127.0.0.1');
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    sockets.add(client);
    sockets.add(upstream);
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', resolve);
  });
  const dropAll = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  return {
    ws: `ws://127.0.0.1:${listenPort}`,
    cut() {
      blocked = true;
      dropAll();
    },
    restore() {
      blocked = false;
    },
    close() {
      blocked = true;
      dropAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * What one test file shares, started before its tests and stopped after them: a dev node, the
 * served app, a browser and an API connection (`node`, `app`, `browser`, `api`, set once
 * started, then passed to `ready`); the people it opens (`open(name, options)`, listed in
 * `people`); and `noErrors()`, which fails on any console or page error their pages logged.
 */
export function world(ready = () => undefined) {
  const w = { node: null, app: null, browser: null, api: null, people: [] };
  w.open = async (name, options) => {
    const p = await person(w.browser, w.app.url, w.node.ws, name, options);
    w.people.push(p);
    return p;
  };
  w.noErrors = (list = w.people) => {
    assert.deepEqual(list.flatMap((p) => p.errors), [], 'no console errors in the pages');
  };
  before(async () => {
    [w.node, w.app] = await Promise.all([startNode(), startServer()]);
    w.browser = await launchBrowser();
    w.api = await ApiPromise.create({ provider: new WsProvider(w.node.ws), noInitWarn: true });
    ready(w);
  });
  after(async () => {
    await w.api?.disconnect().catch(() => undefined);
    await w.browser?.close().catch(() => undefined);
    w.app?.server.close();
    stopNode(w.node);
  });
  return w;
}
