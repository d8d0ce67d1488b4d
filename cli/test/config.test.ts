import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AnalyzerOptions } from '../../rules/src/api';
import { loadConfig } from '../src/config';
import { runCli, sleepAnalyzer } from './helpers';

describe('configuration (session-lint.json)', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-config-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };

  it('is found by walking up from the working directory, and its folder is the root', () => {
    write('session-lint.json', JSON.stringify({ slowKinds: { database: 'off' }, includePaths: ['lib'] }));
    fs.mkdirSync(path.join(root, 'app/sub'), { recursive: true });
    const config = loadConfig(path.join(root, 'app/sub'), undefined);
    assert.equal(config.path, '../../session-lint.json');
    assert.equal(config.root, '../..');
    assert.deepEqual(config.options.slowKinds, { database: 'off' });
    assert.deepEqual(config.options.includePaths, ['lib']);
  });

  it('turns apis into catalog entries that win over project code', () => {
    write('session-lint.json', JSON.stringify({
      apis: {
        functions: { 'App\\close_session': { effect: 'close' }, nap: { effect: 'slow', kind: 'sleep' } },
        methods: { 'App\\Mailer': { deliver: { effect: 'slow', kind: 'mail' } } },
      },
    }));
    const apis = loadConfig(root, undefined).options.apis!;
    assert.deepEqual(apis.functions!['app\\close_session'], { effect: 'close', resource: 'php-session', how: 'write', authoritative: true });
    assert.deepEqual(apis.functions!['nap'], { effect: 'slow', kind: 'sleep', authoritative: true });
    assert.deepEqual(apis.methods!['app\\mailer']!['deliver'], { effect: 'slow', kind: 'mail', authoritative: true });
  });

  it('rejects an invalid configuration with exit code 2, naming the key', async () => {
    write('session-lint.json', JSON.stringify({ rules: { 'held-across-slow-call': 'eror' }, slowKind: {} }));
    write('a.php', '<?php\n');
    const run = await runCli(['check'], { cwd: root, analyzer: sleepAnalyzer });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown key `slowKind`/);
    assert.match(run.stderr, /`rules\.held-across-slow-call` must be one of "error", "warning", "info", "off"/);
  });

  it('rejects an API without the kind of its slow work, and JSON that does not parse', async () => {
    write('session-lint.json', JSON.stringify({ apis: { functions: { nap: { effect: 'slow' } } } }));
    assert.throws(() => loadConfig(root, undefined), /`apis\.functions\.nap` needs `kind`/);
    write('session-lint.json', '{ "rules": ');
    assert.throws(() => loadConfig(root, undefined), /is not valid JSON/);
  });

  it('uses --config, hands its options to the analyzer, and skips its ignored paths', async () => {
    write('strict.json', JSON.stringify({ rules: { 'held-across-slow-call': 'error' }, ignore: ['legacy/**'] }));
    write('legacy/old.php', '<?php\nsession_start(); sleep(1);\n');
    write('new.php', '<?php\n');
    let received: AnalyzerOptions | undefined;
    const run = await runCli(['check', '--config', 'strict.json', '--verbose'], {
      cwd: root,
      analyzer: async (options?: AnalyzerOptions) => {
        received = options;
        return sleepAnalyzer;
      },
    });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(received?.rules, { 'held-across-slow-call': 'error' });
    assert.equal(received?.root, '.');
    assert.match(run.stderr, /skipped legacy\/old\.php: ignored by the configuration/);
  });

  it('skips its ignored paths when the configuration and the files are reached through different links', async () => {
    write('real/project/session-lint.json', JSON.stringify({ ignore: ['legacy/**'] }));
    write('real/project/legacy/old.php', '<?php\nsession_start(); sleep(1);\n');
    write('real/project/new.php', '<?php\n');
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'link'));
    // The files by their real path, the configuration through the link.
    const run = await runCli(['check', 'real/project', '--config', 'link/project/session-lint.json', '--verbose'], { cwd: root, analyzer: sleepAnalyzer });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /skipped real\/project\/legacy\/old\.php: ignored by the configuration/);
  });

  it('fails clearly for a --config file that does not exist', async () => {
    const run = await runCli(['check', '--config', 'nope.json'], { cwd: root });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read the configuration nope\.json: ENOENT/);
  });
});
