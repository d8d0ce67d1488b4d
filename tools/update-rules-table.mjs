// Rewrites the rules table in README.md (between <!-- rules-table:start --> and
// <!-- rules-table:end -->) from the rules' meta. Run after `npx tsc -b`:
//   node tools/update-rules-table.mjs          rewrite README.md
//   node tools/update-rules-table.mjs --check  exit 1 if README.md is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${root}README.md`;

let generator;
let registry;
try {
  generator = require(`${root}build/rules/src/docs/rules-table.js`);
  registry = require(`${root}build/rules/src/registry.js`);
} catch (error) {
  console.error(`Cannot load the built rules (${error.message}). Run \`npx tsc -b\` first.`);
  process.exit(2);
}

const readme = readFileSync(readmePath, 'utf8');
let updated;
try {
  updated = generator.replaceRulesTable(readme, generator.renderRulesTable(registry.allRules));
} catch (error) {
  console.error(`README.md: ${error.message}`);
  process.exit(2);
}

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md rules table is stale: run `node tools/update-rules-table.mjs`.');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log('README.md rules table updated.');
} else {
  console.log('README.md rules table is up to date.');
}
