import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleIds } from '../../rules/src/registry';
import { settingKeys } from '../src/settings';

const repoRoot = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const properties: Record<string, { properties?: Record<string, unknown>; scope?: string }> = manifest.contributes.configuration.properties;

describe('the extension manifest (package.json contributes)', () => {
  it('declares exactly the settings the server reads, each per resource', () => {
    const declared = Object.keys(properties).filter((key) => key !== 'sessionLint.trace.server');
    assert.deepEqual(declared.sort(), settingKeys.map((key) => `sessionLint.${key}`).sort());
    for (const key of declared) assert.equal(properties[key]!.scope, 'resource', key);
  });

  it('offers a severity setting for every rule and every kind of slow work the configuration knows', () => {
    assert.deepEqual(Object.keys(properties['sessionLint.rules']!.properties!).sort(), [...ruleIds].sort());
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'rules/src/config/session-lint.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(properties['sessionLint.slowKinds']!.properties!).sort(), [...schema.definitions.slowKind.enum].sort());
  });

  it('has a command title for every command the client registers, and the .vscodeignore whitelist ships the bundles', () => {
    const extension = fs.readFileSync(path.join(repoRoot, 'client/src/extension.ts'), 'utf8');
    for (const { command } of manifest.contributes.commands as { command: string }[]) assert.ok(extension.includes(`'${command}'`), command);
    const ignore = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n');
    assert.equal(ignore.find((line) => line.trim() !== '' && !line.startsWith('#')), '**', 'everything is excluded first');
    for (const shipped of ['!client/out/extension.js', '!server/out/server.js', '!server/out/analysis-worker.js', '!server/out/*.wasm']) assert.ok(ignore.includes(shipped), shipped);
  });
});
