import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const repoRoot = path.resolve(__dirname, '../../..');
/** Screenshots of each step, kept after the run (CI artefacts). */
const artifacts = path.join(repoRoot, '.test-artifacts', 'code-server');
const CHROMIUM = '/usr/bin/chromium';

/**
 * The real editor: the packaged .vsix installed into code-server (VS Code 1.100 in the
 * browser), the example app opened in Debian's Chromium driven by playwright-core, and
 * checked as a user would see it. Everything it needs is installed by the test itself
 * (`tools/install-code-server.sh`, `tools/install-system-deps.sh`). It polls for state and
 * never sleeps a fixed time.
 */
describe('the extension in code-server, driven in Chromium', function () {
  this.timeout(15 * 60 * 1000);
  let work: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let serverLog = '';

  before(async function () {
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    const codeServer = run('bash', [path.join(repoRoot, 'tools/install-code-server.sh')]).trim().split('\n').pop()!;
    assert.ok(fs.existsSync(CHROMIUM), 'chromium is missing: run `bash tools/install-system-deps.sh`');
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-code-server-')));
    const vsix = path.join(work, 'session-lint.vsix');
    run(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], repoRoot);
    const home = path.join(work, 'home');
    const userData = path.join(work, 'user-data');
    const extensions = path.join(work, 'extensions');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(
      path.join(userData, 'User', 'settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        'workbench.tips.enabled': false,
        'editor.hover.delay': 100,
      }),
    );
    const workspace = path.join(work, 'app');
    fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share') };
    run(codeServer, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], work, env);
    const port = await freePort();
    const config = path.join(work, 'config.yaml');
    fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    server = spawn(codeServer, ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace], { cwd: work, env, detached: true });
    server.stdout!.on('data', (chunk) => (serverLog += String(chunk)));
    server.stderr!.on('data', (chunk) => (serverLog += String(chunk)));
    await waitFor(() => canConnect(port), 60000, 'code-server to listen');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
  });

  after(async function () {
    await browser?.close();
    // The editor stops, and its language server with it. code-server runs in its own process
    // group (`detached`), because its extension host and the language server's analysis worker
    // outlive a kill of the main process and keep writing the cache into the test's home: the
    // whole group is asked to stop, then killed, and only then is the folder removed.
    if (server) await stopProcessGroup(server);
    if (this.currentTest?.state === 'failed' || process.env.SESSION_LINT_KEEP_LOGS) fs.writeFileSync(path.join(artifacts, 'code-server.log'), serverLog);
    if (work) fs.rmSync(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await page?.screenshot({ path: path.join(artifacts, `failed-${slug(this.currentTest.title)}.png`) });
  });

  it('shows the squiggle and the Problems entry on the right line, with the rule id', async () => {
    await openFile(page, 'download.php');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 120000 });
    await page.screenshot({ path: path.join(artifacts, '1-squiggle.png') });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'held-across-slow-call' }).first();
    await problem.waitFor({ timeout: 30000 });
    const text = (await page.locator('.markers-panel').innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Session lock held across `readfile\(\)`/);
    assert.match(text, /\[Ln 25, Col 1\]/);
    await page.screenshot({ path: path.join(artifacts, '2-problems.png') });
  });

  it('shows the status bar item of the extension', async () => {
    const item = page.locator('.statusbar-item', { hasText: 'Session Lint' }).first();
    await item.waitFor({ timeout: 30000 });
    assert.match(await item.innerText(), /Session Lint/);
  });

  it('shows the lock timeline on hover', async () => {
    await goToLine(page, 25);
    // Show Hover at the cursor (the default keybinding is a chord: Ctrl+K Ctrl+I).
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'Timeline' }).first();
    await hover.waitFor({ timeout: 30000 });
    const text = await hover.innerText();
    assert.match(text, /session opened here/);
    await page.screenshot({ path: path.join(artifacts, '3-hover.png') });
    await page.keyboard.press('Escape');
  });

  it('offers the early close as a quick fix, and applying it clears the warning', async () => {
    await goToLine(page, 25);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Close the session before the slow work' }).first();
    await fix.waitFor({ timeout: 30000 });
    assert.equal(await page.locator('.action-widget .monaco-list-row', { hasText: 'Ignore this finding' }).count(), 1, 'the ignore-this-line fix is offered too');
    await page.screenshot({ path: path.join(artifacts, '4-quick-fix-menu.png') });
    // The menu's pointer shield swallows clicks: choose the fix with the keyboard, as users do.
    const title = 'Close the session before the slow work';
    for (let step = 0; step < 8 && !(await page.locator('.action-widget .monaco-list-row.focused', { hasText: title }).count()); step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.view-line', { hasText: 'session_write_close();' }).first().waitFor({ timeout: 30000 });
    await waitFor(async () => (await page.locator('.monaco-editor .squiggly-warning').count()) === 0, 60000, 'the warning to clear');
    await page.screenshot({ path: path.join(artifacts, '5-fixed.png') });
  });
});

async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 30000 });
}

async function goToLine(page: Page, line: number): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30000 });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
}

function run(command: string, args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 10 * 60 * 1000, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

function slug(title: string): string {
  return title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
}

/** Stops a child started with `detached: true` and everything it started: SIGTERM to the group,
 * up to 10 s for the child to exit, then SIGKILL to whatever of the group is left. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10000).unref())]);
  }
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing of the group is left.
  }
}
