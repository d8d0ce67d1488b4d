import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applicableAt, applyFixesUntilStable } from '../../core/src';
import { analyzer, fixturesRoot } from './support';

/**
 * The fixes run for real: a fixture and its fixed text (unsafe fixes applied) are run as two
 * concurrent web requests on one session, with Debian's `php-cgi` (which, unlike `php-cli`,
 * sends headers and cookies as a web request does), a temporary save path and PHP's file store.
 *
 * Each runtime fixture waits in its slow part until the test creates its `go` file, touching its
 * `ready` file meanwhile, and afterwards writes a key of its own request. The test never sleeps
 * a fixed time: it polls for files and for the session file's lock.
 * - Before the fix, request A holds the lock while it waits: the session file is locked, so
 *   request B waits behind it; both keys are saved one after the other.
 * - After the fix, the session file is not locked while A waits, B reaches its slow part while
 *   A is still in its own (neither waits), and at the end **both** requests' keys are in the
 *   session file (the reopen wrote only its own key, never the whole array read before).
 * - The `write-after-close` and `reopen-after-output` fixtures close before their slow part, so
 *   neither request waits even before the fix, but their later writes are lost (dropped while
 *   closed, or after a reopen that failed because headers were sent); after the fix both are saved.
 * And a reopen after flushed output fails unless the cookie and the cache limiter were switched
 * off first: the fixed text without the two settings the fix adds loses the writes.
 */
const HELD = path.join(fixturesRoot, 'held-across-slow-call');
const WRITE_AFTER_CLOSE = path.join(fixturesRoot, 'write-after-close');
const REOPEN_AFTER_OUTPUT = path.join(fixturesRoot, 'reopen-after-output');
const PHP_CGI = 'php-cgi';
/** Bound on every wait: far above what a request needs, reached only when something is wrong. */
const WAIT_MS = 20000;

interface Request {
  readonly process: ChildProcess;
  readonly ready: string;
  readonly go: string;
  readonly done: Promise<string>;
}

class SessionRig {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-runtime-'));
  readonly id = 'sessionlintruntime0123456789';
  private readonly children: ChildProcess[] = [];

  constructor(script: string) {
    fs.writeFileSync(this.scriptPath, script);
    // The session as the user's earlier requests left it (PHP's `php` serialize handler format).
    fs.writeFileSync(this.sessionFile, 'user|s:5:"alice";cart|a:1:{i:0;s:4:"book";}');
  }

  get scriptPath(): string {
    return path.join(this.dir, 'page.php');
  }

  get sessionFile(): string {
    return path.join(this.dir, `sess_${this.id}`);
  }

  start(name: string, query: Record<string, string> = {}): Request {
    const ready = path.join(this.dir, `${name}.ready`);
    const go = path.join(this.dir, `${name}.go`);
    const params = new URLSearchParams({ ...query, req: name, ready, go });
    const child = spawn(PHP_CGI, ['-n', '-d', `session.save_path=${this.dir}`, '-d', 'session.use_strict_mode=0', '-d', 'output_buffering=0'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        REDIRECT_STATUS: '1',
        GATEWAY_INTERFACE: 'CGI/1.1',
        REQUEST_METHOD: 'GET',
        SCRIPT_FILENAME: this.scriptPath,
        QUERY_STRING: params.toString(),
        HTTP_COOKIE: `PHPSESSID=${this.id}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const done = new Promise<string>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', () => resolve(output));
    });
    return { process: child, ready, go, done };
  }

  /** Whether another process holds PHP's lock on the session file (probed with a non-blocking flock from php-cli). */
  locked(): boolean {
    const probe = spawnSync('php', ['-n', '-r', '$f = fopen($argv[1], "r+"); echo flock($f, LOCK_EX | LOCK_NB) ? "free" : "held";', this.sessionFile], { encoding: 'utf8' });
    assert.equal(probe.status, 0, probe.stderr);
    return probe.stdout === 'held';
  }

  session(): string {
    return fs.readFileSync(this.sessionFile, 'utf8');
  }

  /** Ends the requests still waiting (a failed assertion left them in their loop), then removes the files. */
  dispose(): void {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const until = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function release(request: Request): Promise<string> {
  fs.writeFileSync(request.go, '');
  return request.done;
}

async function unsafeFixed(file: string): Promise<string> {
  const text = fs.readFileSync(file, 'utf8');
  const name = path.basename(file);
  const instance = await analyzer();
  const loop = applyFixesUntilStable(new Map([[name, text]]), (texts) => instance.analyzeFile({ path: name, text: texts.get(name)! }).findings.flatMap((f) => f.fixes), applicableAt('unsafe'));
  const fixed = loop.texts.get(name)!;
  assert.notEqual(fixed, text, `${name}: no fix was applied`);
  return fixed;
}

/** Runs two requests that overlap as much as the script lets them; says whether B had to wait for A. */
async function twoRequests(rig: SessionRig, query: { a?: Record<string, string>; b?: Record<string, string> } = {}): Promise<{ waited: boolean; outputs: string[] }> {
  const a = rig.start('a', query.a);
  await waitFor('request a is in its slow part', () => fs.existsSync(a.ready));
  const heldByA = rig.locked();
  const b = rig.start('b', query.b);
  if (heldByA) {
    // B cannot pass session_start() while A holds the lock: release A first, then B goes on.
    const outputA = await release(a);
    await waitFor('request b is in its slow part', () => fs.existsSync(b.ready));
    return { waited: true, outputs: [outputA, await release(b)] };
  }
  // Nothing is locked: B reaches its slow part while A is still waiting in its own.
  await waitFor('request b is in its slow part while a still waits', () => fs.existsSync(b.ready));
  assert.equal(a.process.exitCode, null, 'request a ended before it was released');
  return { waited: false, outputs: await Promise.all([release(a), release(b)]) };
}

describe('fixes at runtime (php-cgi, two concurrent requests on one session)', function () {
  this.timeout(120000);

  before(function () {
    const version = spawnSync(PHP_CGI, ['-v'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'php-cgi is needed (Debian package php-cgi; `bash tools/install-system-deps.sh` installs it)');
  });

  // `absent`: what must be gone at the end (a key one request removed, which the other must not put back).
  // `before`: what goes wrong without the fix: the second request waits (`held-across-slow-call`),
  // or neither waits but the writes are lost (`write-after-close`, `reopen-after-output`).
  const cases: { fixture: string; dir?: string; before?: 'waits' | 'loses'; a?: Record<string, string>; b?: Record<string, string>; keys: string[]; absent?: string[] }[] = [
    { fixture: 'runtime-long-poll-auth.php', keys: ['seen_a|s:5:"alice"', 'seen_b|s:5:"alice"'] },
    { fixture: 'runtime-four-handlers.php', a: { action: 'quote' }, b: { action: 'thumbnail' }, keys: ['quote_a|i:1', 'thumb_b|s:5:"alice"'] },
    { fixture: 'runtime-output-before-write.php', keys: ['seen_a|s:5:"alice"', 'seen_b|s:5:"alice"'] },
    { fixture: 'runtime-snapshot-helpers.php', keys: ['seen_a|s:5:"alice"', 'seen_b|s:5:"alice"', 'items_a|i:1', 'items_b|i:1'], absent: ['cart|'] },
    { fixture: 'runtime-lost-writes-snapshot.php', dir: WRITE_AFTER_CLOSE, before: 'loses', keys: ['seen_a|s:5:"alice"', 'seen_b|s:5:"alice"', 'items_a|i:1', 'items_b|i:1'], absent: ['cart|'] },
    { fixture: 'runtime-reopen-after-flush.php', dir: REOPEN_AFTER_OUTPUT, before: 'loses', keys: ['seen_a|s:5:"alice"', 'seen_b|s:5:"alice"'] },
  ];
  for (const { fixture, dir = HELD, before = 'waits', a, b, keys, absent = [] } of cases) {
    const name = `${path.basename(dir)}/${fixture}`;
    it(`${name}: before the fix ${before === 'waits' ? 'the second request waits' : "neither waits, and the requests' writes are lost"}`, async () => {
      const rig = new SessionRig(fs.readFileSync(path.join(dir, fixture), 'utf8'));
      try {
        const run = await twoRequests(rig, { ...(a ? { a } : {}), ...(b ? { b } : {}) });
        for (const output of run.outputs) assert.match(output, /done [ab]/);
        if (before === 'waits') {
          assert.equal(run.waited, true, 'the session file was not locked while request a was in its slow part');
          return;
        }
        assert.equal(run.waited, false, 'the session file was locked while request a was in its slow part');
        const saved = rig.session();
        for (const key of keys) assert.ok(!saved.includes(key), `${key} was saved without the fix: ${saved}`);
      } finally {
        rig.dispose();
      }
    });

    it(`${name}: after the fix neither waits, and both requests' keys are saved`, async () => {
      const rig = new SessionRig(await unsafeFixed(path.join(dir, fixture)));
      try {
        const run = await twoRequests(rig, { ...(a ? { a } : {}), ...(b ? { b } : {}) });
        assert.equal(run.waited, false, 'the session file was still locked while request a was in its slow part');
        for (const output of run.outputs) {
          assert.match(output, /done [ab]/);
          assert.doesNotMatch(output, /Warning|Notice/, `PHP complained:\n${output}`);
        }
        const saved = rig.session();
        for (const key of keys) assert.ok(saved.includes(key), `the session lost ${key}: ${saved}`);
        for (const key of absent) assert.ok(!saved.includes(key), `the session still has ${key}: ${saved}`);
        assert.ok(saved.includes('user|s:5:"alice"'), `the session lost what it held before: ${saved}`);
      } finally {
        rig.dispose();
      }
    });
  }

  it('a reopen after flushed output fails unless the fix switched the cookie and the cache limiter off first', async () => {
    const fixed = await unsafeFixed(path.join(HELD, 'runtime-output-before-write.php'));
    // The same fixed page without the two settings the fix adds after its close.
    const lines = fixed.split('\n');
    const settings = lines.filter((line) => line.trim() === "ini_set('session.use_cookies', '0');" || line.trim() === "ini_set('session.cache_limiter', '');");
    assert.equal(settings.length, 2, 'the fix did not switch the cookie and the cache limiter off');
    const rig = new SessionRig(lines.filter((line) => !settings.includes(line)).join('\n'));
    try {
      const output = await release(rig.start('a'));
      assert.match(output, /Session cannot be started after headers have already been sent/);
      assert.ok(!rig.session().includes('seen_a'), 'the write after the failed reopen was saved');
    } finally {
      rig.dispose();
    }
  });
});
