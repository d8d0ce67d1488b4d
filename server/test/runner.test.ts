import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRunner, SupersededError } from '../src/analysis/runner';
import type { AnalysisJob } from '../src/analysis/job';

const job = (text: string): AnalysisJob => ({
  root: os.tmpdir(),
  files: [{ path: 'handler.php', text }],
  overlays: [],
  options: {},
  maxFileSize: 1 << 20,
});

describe('the analysis runner (worker thread)', function () {
  this.timeout(60000);

  it('analyses in the worker and answers in editor coordinates', async () => {
    const runner = createRunner(() => undefined);
    try {
      const outcome = await runner.run(job('<?php\nsession_start();\nsleep(2);\n'), 'a');
      assert.deepEqual(outcome.findings.map((f) => [f.rule, f.range.start.line]), [['held-across-slow-call', 2]]);
    } finally {
      await runner.dispose();
    }
  });

  it('drops a waiting job of a project when a newer one of the same project arrives (no backlog while typing)', async () => {
    const runner = createRunner(() => undefined);
    try {
      const first = runner.run(job('<?php\nsession_start();\nsleep(1);\n'), 'project');
      const middle = runner.run(job('<?php\nsession_start();\nsleep(2);\n'), 'project');
      const other = runner.run(job('<?php\nsession_start();\n'), 'other project');
      const last = runner.run(job('<?php\nsession_start();\n\nsleep(3);\n'), 'project');
      await assert.rejects(middle, SupersededError);
      assert.equal((await first).findings[0]!.range.start.line, 2);
      assert.equal((await other).findings.length, 0);
      assert.equal((await last).findings[0]!.range.start.line, 3);
    } finally {
      await runner.dispose();
    }
  });

  it('cancels a running workspace job when a newer one of the same folder arrives; the newer one answers', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-runner-')));
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(root, `helper${i}.php`), `<?php\nfunction helper${i}() { return ${i}; }\n`);
    fs.writeFileSync(path.join(root, 'handler.php'), '<?php\nsession_start();\nhelper1();\nsleep(2);\n');
    const scope = { respectIgnoreFiles: true, includeVendor: false, includeTests: false, includeGenerated: false, ignoreGlobs: [], configRoot: '.', changed: [], rescan: true, report: 'all' as const };
    const workspaceJob: AnalysisJob = { root, files: [], overlays: [], options: {}, maxFileSize: 1 << 20, workspace: scope };
    const runner = createRunner(() => undefined);
    try {
      // The second job arrives while the first runs (it was posted at once): the first stops at its next file.
      const first = runner.run(workspaceJob, root);
      const second = runner.run(workspaceJob, root);
      await assert.rejects(first, SupersededError);
      const outcome = await second;
      assert.deepEqual(outcome.findings.map((f) => [f.path, f.range.start.line]), [['handler.php', 3]]);
    } finally {
      await runner.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('runs a job for the open documents before a waiting whole-folder report', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-runner-')));
    fs.writeFileSync(path.join(root, 'handler.php'), '<?php\nsession_start();\nsleep(2);\n');
    const scope = (report: 'open' | 'all') => ({ respectIgnoreFiles: true, includeVendor: false, includeTests: false, includeGenerated: false, ignoreGlobs: [], configRoot: '.', changed: [], rescan: false, report });
    const runner = createRunner(() => undefined);
    try {
      const order: string[] = [];
      const busy = runner.run(job('<?php\n'), 'elsewhere').then(() => order.push('busy'));
      const all = runner.run({ root, files: [], overlays: [], options: {}, maxFileSize: 1 << 20, workspace: scope('all') }, `all:${root}`).then((outcome) => order.push(`all ${outcome.findings.length}`));
      const open = runner.run({ root, files: [], overlays: [], options: {}, maxFileSize: 1 << 20, workspace: scope('open') }, `open:${root}`).then((outcome) => order.push(`open ${outcome.findings.length}`));
      await Promise.all([busy, all, open]);
      // The open documents' job reports nothing in unopened files; the whole report does.
      assert.deepEqual(order, ['busy', 'open 0', 'all 1']);
    } finally {
      await runner.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a second start reuses the whole result the first wrote to the disk cache, unless a text is unsaved', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-runner-')));
    const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-cache-'));
    const handler = '<?php\nsession_start();\nwait_for_job();\n';
    fs.writeFileSync(path.join(root, 'handler.php'), handler);
    fs.writeFileSync(path.join(root, 'jobs.php'), '<?php\nfunction wait_for_job() { sleep(2); }\n');
    const scope = { respectIgnoreFiles: true, includeVendor: false, includeTests: false, includeGenerated: false, ignoreGlobs: [], configRoot: '.', changed: [], rescan: true, report: 'open' as const };
    const opened = (text: string): AnalysisJob => ({ root, files: [{ path: 'handler.php', text }], overlays: [], options: {}, maxFileSize: 1 << 20, workspace: scope });
    const saved = { xdg: process.env.XDG_CACHE_HOME, off: process.env.SESSION_LINT_NO_DISK_CACHE };
    // The worker takes the environment it starts with: the cache goes to this test's folder.
    process.env.XDG_CACHE_HOME = cacheHome;
    delete process.env.SESSION_LINT_NO_DISK_CACHE;
    try {
      const first = createRunner(() => undefined);
      const cold = await first.run(opened(handler), 'a');
      await first.dispose(); // writes the cache
      assert.deepEqual([cold.stats?.reused, cold.findings.map((f) => [f.path, f.range.start.line])], [false, [['handler.php', 2]]]);
      assert.ok(cold.stats!.filesParsed >= 2);
      const second = createRunner(() => undefined);
      try {
        const warm = await second.run(opened(handler), 'a');
        assert.deepEqual([warm.stats, warm.findings], [{ filesParsed: 0, reused: true }, cold.findings]);
        const typed = await second.run(opened(`${handler}// typing\n`), 'a');
        assert.equal(typed.stats?.reused, false, 'a text the editor has not saved is analysed');
        assert.ok(typed.stats!.filesParsed >= 1);
      } finally {
        await second.dispose();
      }
    } finally {
      if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved.xdg;
      if (saved.off !== undefined) process.env.SESSION_LINT_NO_DISK_CACHE = saved.off;
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(cacheHome, { recursive: true, force: true });
    }
  });

  it('typing writes nothing to the disk cache; saving keeps the newest versions of each file, pruned', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-runner-')));
    const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-cache-'));
    const handler = '<?php\nsession_start();\nwait_for_job();\n';
    fs.writeFileSync(path.join(root, 'handler.php'), handler);
    fs.writeFileSync(path.join(root, 'jobs.php'), '<?php\nfunction wait_for_job() { sleep(2); }\n');
    const scope = { respectIgnoreFiles: true, includeVendor: false, includeTests: false, includeGenerated: false, ignoreGlobs: [], configRoot: '.', changed: [] as string[], rescan: true, report: 'open' as const };
    const opened = (text: string, changed: string[] = []): AnalysisJob => ({ root, files: [{ path: 'handler.php', text }], overlays: [], options: {}, maxFileSize: 1 << 20, workspace: { ...scope, changed } });
    const entries = (): string[] =>
      (fs.readdirSync(cacheHome, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile() && /^[0-9a-f]{40}$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)).sort();
    /** Entries per owner folder (the folder an entry is filed in). */
    const perOwner = (): number[] => {
      const counts = new Map<string, number>();
      for (const file of entries()) counts.set(path.dirname(file), (counts.get(path.dirname(file)) ?? 0) + 1);
      return [...counts.values()];
    };
    const saved = { xdg: process.env.XDG_CACHE_HOME, off: process.env.SESSION_LINT_NO_DISK_CACHE };
    process.env.XDG_CACHE_HOME = cacheHome;
    delete process.env.SESSION_LINT_NO_DISK_CACHE;
    const runner = createRunner(() => undefined);
    try {
      await runner.run(opened(handler), 'a');
      await runner.run(opened(handler), 'a'); // the worker writes after it answers: this answer comes after that write
      const afterOpen = entries();
      assert.ok(afterOpen.length >= 5, `declarations and IR of both files, and the whole result: ${afterOpen.length}`);
      let text = handler;
      for (let i = 0; i < 5; i++) {
        text = `${text}// typing ${i}\n`;
        const typed = await runner.run(opened(text), 'a');
        assert.equal(typed.findings.length, 1);
      }
      await runner.run(opened(text), 'a');
      assert.deepEqual(entries(), afterOpen, 'texts typed and not saved are kept in memory only');
      for (let i = 0; i < 4; i++) {
        text = `${text}// saved ${i}\n`;
        fs.writeFileSync(path.join(root, 'handler.php'), text);
        await runner.run(opened(text, ['handler.php']), 'a');
      }
      await runner.run(opened(text), 'a');
      assert.ok(Math.max(...perOwner()) <= 2, `at most two versions of each owner: ${perOwner().join(' ')}`);
      // Every owner of the first analysis, none more (the other file's IR has new versions too:
      // it is keyed by the project's declarations, the handler's among them).
      assert.equal(perOwner().length, new Set(afterOpen.map((file) => path.dirname(file))).size);
      assert.ok(entries().length > afterOpen.length, 'the saved versions are written');
    } finally {
      await runner.dispose();
      if (saved.xdg === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved.xdg;
      if (saved.off !== undefined) process.env.SESSION_LINT_NO_DISK_CACHE = saved.off;
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(cacheHome, { recursive: true, force: true });
    }
  });
});
