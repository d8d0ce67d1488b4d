import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createAnalyzer } from '../../rules/src/analyzer';
import type { AnalyzerOptions } from '../../rules/src/api';
import { loadGrammarBytes } from '../../rules/src/node-runtime';
import { runCli, TempDir } from './helpers';

/**
 * The same tree gives the same findings whatever folder the command is started from and
 * however its paths are written: relative includes resolve against the entry script's
 * directory (PHP's `.` during a web request), never against the CLI's working directory.
 */
const project = {
  // Found only from public/ (the entry script's folder): inc/a.php → 'inc/b.php' → './inc/slow.php'.
  'app/public/index.php': "<?php\nsession_start();\nrequire 'inc/a.php';\n$_SESSION['seen'] = true;\n",
  'app/public/inc/a.php': "<?php\nrequire 'inc/b.php';\n",
  'app/public/inc/b.php': "<?php\nrequire './inc/slow.php';\n",
  'app/public/inc/slow.php': "<?php\nsleep(5);\n",
  // 'config.php' from public/inc/header.php is public/config.php (quick), not app/config.php.
  'app/public/page.php': "<?php\nsession_start();\nrequire 'inc/header.php';\n$_SESSION['seen'] = true;\n",
  'app/public/inc/header.php': "<?php\nrequire 'config.php';\n",
  'app/public/config.php': "<?php\n$title = 'Home';\n",
  'app/config.php': "<?php\nsleep(5);\n",
  'app/inc/b.php': "<?php\nsleep(5);\n",
};

interface JsonFinding {
  rule: string;
  file: string;
  line: number;
  related: { file: string; line: number }[];
}

describe('findings do not depend on the working directory', function () {
  this.timeout(20000);
  let dir: TempDir;
  before(() => {
    dir = new TempDir().write(project);
  });
  after(() => dir.cleanup());

  const analyzer = async (options: AnalyzerOptions) => createAnalyzer(await loadGrammarBytes(), options);

  /** The findings of a run, with every file made absolute so runs from different folders compare. */
  async function findings(cwd: string, target: string): Promise<string[]> {
    const run = await runCli(['check', target, '--format', 'json'], { cwd, analyzer });
    const report = JSON.parse(run.stdout) as { findings: JsonFinding[]; errors: unknown[] };
    assert.deepEqual(report.errors, []);
    return report.findings.map((finding) => {
      const related = finding.related.map((r) => `${path.resolve(cwd, r.file)}:${r.line}`).join(', ');
      return `${path.resolve(cwd, finding.file)}:${finding.line} ${finding.rule} [${related}]`;
    });
  }

  it('reports the same findings from the project folder, its parent, a subfolder and with absolute paths', async () => {
    const fromProject = await findings(dir.path('app'), '.');
    assert.deepEqual(
      fromProject.map((f) => f.split(' [')[0]),
      [`${dir.path('app/public/index.php')}:3 held-across-slow-call`],
      'the include chain is followed from public/, and app/config.php is not reached',
    );
    assert.deepEqual(await findings(dir.path(), 'app'), fromProject);
    assert.deepEqual(await findings(dir.path('app/public'), '..'), fromProject);
    assert.deepEqual(await findings(dir.path('app/public/inc'), dir.path('app')), fromProject);
    assert.deepEqual(await findings(dir.path('app'), dir.path('app')), fromProject);
  });
});
