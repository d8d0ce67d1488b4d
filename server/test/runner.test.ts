import * as assert from 'node:assert/strict';
import * as os from 'node:os';
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
});
