// Compiles every contract in this folder with the solc npm package (the compiler itself, as
// JavaScript: nothing is downloaded at run time) into build/<Name>.json: its ABI and its EVM
// bytecode, which pallet-revive runs as is.
//
// Usage: node build.mjs   (npm run build)
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const here = dirname(fileURLToPath(import.meta.url));
const sources = Object.fromEntries(
  readdirSync(here)
    .filter((f) => f.endsWith('.sol'))
    .map((f) => [f, { content: readFileSync(join(here, f), 'utf8') }]),
);
const input = {
  language: 'Solidity',
  sources,
  settings: {
    // pallet-revive's EVM (revm) runs Cancun bytecode.
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length) process.exit(1);

mkdirSync(join(here, 'build'), { recursive: true });
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    const out = {
      contract: name,
      source: file,
      compiler: `solc ${solc.version()}`,
      abi: c.abi,
      bytecode: `0x${c.evm.bytecode.object}`,
      deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
    };
    writeFileSync(join(here, 'build', `${name}.json`), `${JSON.stringify(out, null, 2)}\n`);
    console.log(`[contracts] ${file}: ${name} (${(c.evm.bytecode.object.length / 2) | 0} bytes)`);
  }
}
