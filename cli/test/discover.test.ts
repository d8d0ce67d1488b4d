import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverFiles, type DiscoveryOptions } from '../../rules/src/discovery/discover';
import { SKIPPED_FILE_REASON, isAnalysedFile } from '../../rules/src/discovery/file-types';
import { TempDir } from './helpers';

describe('discoverFiles', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = new TempDir();
  });
  afterEach(() => tmp.cleanup());

  const defaults = (cwd: string): DiscoveryOptions => ({ cwd, respectIgnoreFiles: true, includeVendor: false });
  const found = async (inputs: string[], options: Partial<DiscoveryOptions> = {}): Promise<string[]> =>
    (await discoverFiles(inputs, { ...defaults(tmp.root), ...options })).files.map((f) => f.displayPath);

  it('finds PHP files only, sorted by path, with forward-slash paths relative to the cwd', async () => {
    tmp.write({
      'b.php': '',
      'a/z.php': '',
      'a/y.PHP': '',
      'a-b/x.php': '',
      'README.md': '',
      'a/notes.txt': '',
      'a/page.phtml': '',
    });
    assert.deepEqual(await found(['.']), ['a-b/x.php', 'a/page.phtml', 'a/y.PHP', 'a/z.php', 'b.php']);
  });

  it('takes a PHP entry script shipped as a template to copy (elFinder\'s `connector.php-dist`)', async () => {
    tmp.write({ 'php/connector.minimal.php-dist': '', 'php/elFinder.class.php': '', 'index.php.dist': '', 'config.yml.dist': '', 'php/notes.dist': '' });
    assert.deepEqual(await found(['.']), ['index.php.dist', 'php/connector.minimal.php-dist', 'php/elFinder.class.php']);
  });

  it('takes a PHP command without an extension by its `#!` line (`bin/app-cli`, `artisan`), not other scripts', async () => {
    tmp.write({
      'bin/app-cli': '#!/usr/bin/env php\n<?php\nrequire __DIR__ . "/../src/a.php";\n',
      'artisan': '#!/usr/bin/php -q\r\n<?php\n',
      'bin/deploy': '#!/bin/sh\nphp bin/app-cli\n',
      'bin/phpunit-wrapper': '#!/usr/bin/env bash\nexec php vendor/bin/phpunit\n',
      'README': 'php',
      'src/a.php': '',
    });
    assert.deepEqual(await found(['.']), ['artisan', 'bin/app-cli', 'src/a.php']);
  });

  it('leaves a template out when its installed copy sits beside it', async () => {
    tmp.write({ 'config.php': '', 'config.php.dist': '', 'connector.php': '', 'connector.php-dist': '', 'other/connector.php-dist': '' });
    const discovery = await discoverFiles(['.'], defaults(tmp.root));
    assert.deepEqual(discovery.files.map((f) => f.displayPath), ['config.php', 'connector.php', 'other/connector.php-dist']);
    assert.ok(discovery.skipped.some((s) => s.displayPath === 'config.php.dist' && /template of `config\.php`/.test(s.reason)));
  });

  it('treats no inputs like the paths given, and a path outside the cwd with ../', async () => {
    tmp.write({ 'project/src/a.php': '', 'other/b.php': '' });
    const files = await discoverFiles(['../other'], defaults(tmp.path('project')));
    assert.deepEqual(
      files.files.map((f) => f.displayPath),
      ['../other/b.php'],
    );
  });

  it('skips vendor/ and node_modules/ at any depth, and .git/, unless --include-vendor', async () => {
    tmp.write({
      'src/a.php': '',
      'vendor/lib/b.php': '',
      'node_modules/pkg/c.php': '',
      'src/module/vendor/d.php': '',
      '.git/hooks/e.php': '',
    });
    assert.deepEqual(await found(['.']), ['src/a.php']);
    assert.deepEqual(await found(['.'], { includeVendor: true }), [
      'node_modules/pkg/c.php',
      'src/a.php',
      'src/module/vendor/d.php',
      'vendor/lib/b.php',
    ]);
  });

  it('says why each path was skipped', async () => {
    tmp.write({ 'vendor/a.php': '', 'gen/b.php': '', '.gitignore': 'gen/\n', 'c.txt': '' });
    const { skipped } = await discoverFiles(['.'], defaults(tmp.root));
    assert.deepEqual(skipped, [
      { displayPath: '.gitignore', reason: SKIPPED_FILE_REASON },
      { displayPath: 'c.txt', reason: SKIPPED_FILE_REASON },
      { displayPath: 'gen/', reason: 'ignored by .gitignore (use --no-ignore to analyse it)' },
      { displayPath: 'vendor/', reason: 'dependency directory (use --include-vendor to analyse it)' },
    ]);
  });

  it('honours nested .gitignore files, the deeper one overriding the outer one', async () => {
    tmp.write({
      '.gitignore': '*.gen.php\ncache/\n',
      'a.php': '',
      'a.gen.php': '',
      'cache/c.php': '',
      'sub/.gitignore': '!keep.gen.php\nlocal.php\n',
      'sub/keep.gen.php': '',
      'sub/other.gen.php': '',
      'sub/local.php': '',
      'sub/b.php': '',
      'local.php': '',
    });
    assert.deepEqual(await found(['.']), ['a.php', 'local.php', 'sub/b.php', 'sub/keep.gen.php']);
  });

  it("skips the folder composer.json names as its vendor-dir, unless --include-vendor", async () => {
    tmp.write({
      'app/composer.json': JSON.stringify({ config: { 'vendor-dir': 'lib/3rdParty/composer' } }),
      'app/lib/3rdParty/composer/phpseclib/SSH2.php': '',
      'app/lib/3rdParty/own.php': '',
      'app/index.php': '',
      'broken/composer.json': '{ not json',
      'broken/lib/a.php': '',
    });
    const discovery = await discoverFiles(['.'], defaults(tmp.root));
    assert.deepEqual(discovery.files.map((f) => f.displayPath), ['app/index.php', 'app/lib/3rdParty/own.php', 'broken/lib/a.php']);
    assert.ok(discovery.skipped.some((s) => s.displayPath === 'app/lib/3rdParty/composer/' && s.reason.includes('vendor-dir')));
    assert.deepEqual(await found(['.'], { includeVendor: true }), ['app/index.php', 'app/lib/3rdParty/composer/phpseclib/SSH2.php', 'app/lib/3rdParty/own.php', 'broken/lib/a.php']);
  });

  it('analyses everything with --no-ignore (but still skips vendor/ without --include-vendor)', async () => {
    tmp.write({ '.gitignore': 'gen/\n*.gen.php\n', 'gen/a.php': '', 'b.gen.php': '', 'vendor/c.php': '' });
    assert.deepEqual(await found(['.'], { respectIgnoreFiles: false }), ['b.gen.php', 'gen/a.php']);
  });

  it('applies the .gitignore files above a walked directory, up to the repository root', async () => {
    tmp.mkdir('repo/.git').write({
      'repo/.gitignore': 'generated/\n',
      'repo/.git/info/exclude': 'scratch.php\n',
      'repo/src/a.php': '',
      'repo/src/scratch.php': '',
      'repo/src/generated/b.php': '',
    });
    assert.deepEqual(await found(['src'], { cwd: tmp.path('repo') }), ['src/a.php']);
  });

  it('does not read .gitignore files above a directory that is not in a repository', async () => {
    tmp.write({ '.gitignore': '*.php\n', 'project/a.php': '' });
    assert.deepEqual(await found(['project']), ['project/a.php']);
  });

  it('always analyses a file named on the command line, ignored or not', async () => {
    tmp.write({ '.gitignore': 'gen/\nskip.php\n', 'gen/a.php': '', 'skip.php': '', 'vendor/v.php': '', 'script.inc': '' });
    assert.deepEqual(await found(['gen/a.php', 'skip.php', 'vendor/v.php', 'script.inc']), [
      'gen/a.php',
      'script.inc',
      'skip.php',
      'vendor/v.php',
    ]);
    const { files } = await discoverFiles(['skip.php'], defaults(tmp.root));
    assert.equal(files[0]?.explicit, true);
  });

  it('walks a directory named on the command line even if it is ignored or a vendor directory', async () => {
    tmp.mkdir('.git').write({ '.gitignore': 'gen/\n', 'gen/a.php': '', 'vendor/b.php': '', 'vendor/inner/vendor/c.php': '' });
    assert.deepEqual(await found(['gen', 'vendor']), ['gen/a.php', 'vendor/b.php']);
  });

  it('lists each file once when inputs overlap', async () => {
    tmp.write({ 'src/a.php': '', 'src/b.php': '' });
    assert.deepEqual(await found(['src', 'src/a.php', '.', './src/b.php']), ['src/a.php', 'src/b.php']);
  });

  it('reports a path that does not exist, and still walks the others', async () => {
    tmp.write({ 'a.php': '' });
    const discovery = await discoverFiles(['missing.php', '.'], defaults(tmp.root));
    assert.deepEqual(
      discovery.files.map((f) => f.displayPath),
      ['a.php'],
    );
    assert.deepEqual(discovery.unreadable, [
      { displayPath: 'missing.php', message: 'cannot read path: no such file or directory (ENOENT)' },
    ]);
  });

  it('follows directory symlinks but not round a loop, and skips broken links', async () => {
    tmp.write({ 'real/a.php': '', 'real/sub/b.php': '' });
    fs.symlinkSync('..', tmp.path('real/sub/up')); // real/sub/up -> real: a loop
    fs.symlinkSync('real', tmp.path('alias')); // the same directory under a second name
    fs.symlinkSync('nowhere.php', tmp.path('real/broken.php'));
    const discovery = await discoverFiles(['.'], defaults(tmp.root));
    // `alias` sorts before `real`, so the tree is walked under that name, once.
    assert.deepEqual(
      discovery.files.map((f) => f.displayPath),
      ['alias/a.php', 'alias/sub/b.php'],
    );
    const reasons = new Map(discovery.skipped.map((s) => [s.displayPath, s.reason]));
    assert.equal(reasons.get('alias/broken.php'), 'broken symbolic link');
    assert.match(reasons.get('alias/sub/up/') ?? '', /already walked/);
    assert.match(reasons.get('real/') ?? '', /already walked/);
  });

  it('reads the working directory when given "."', async () => {
    tmp.write({ 'x/a.php': '' });
    const { files } = await discoverFiles(['.'], defaults(tmp.path('x')));
    assert.deepEqual(files, [{ absPath: path.join(tmp.path('x'), 'a.php'), displayPath: 'a.php', explicit: false }]);
  });
});

describe('isAnalysedFile', () => {
  it('takes the PHP extensions in any case', () => {
    assert.equal(isAnalysedFile('a.php'), true);
    assert.equal(isAnalysedFile('A.PHP'), true);
    assert.equal(isAnalysedFile('.php'), false);
    assert.equal(isAnalysedFile('a.phtml'), true);
    assert.equal(isAnalysedFile('lib.inc'), true);
    assert.equal(isAnalysedFile('a.php.bak'), false);
  });

  it('takes TypeScript and JavaScript sources, but not declaration files or minified bundles', () => {
    for (const name of ['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'F.JSX', 'g.mjs', 'h.cjs']) assert.equal(isAnalysedFile(name), true, name);
    for (const name of ['.ts', 'types.d.ts', 'x.d.mts', 'vendor.min.js', 'a.ts.map', 'a.json']) assert.equal(isAnalysedFile(name), false, name);
  });
});
