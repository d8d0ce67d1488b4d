import * as assert from 'node:assert/strict';
import type { SourceFile } from '../src/api';
import { analyzer } from './support';

/**
 * `SourceFile.reported: false`: a file that is part of the project (the language server's
 * unopened files of a workspace folder) but is not reported on. Its declarations are followed
 * from the reported files; it reports nothing itself, not even a syntax error; and a finding
 * whose cause lies in it is told at the call site in a reported file, as for an included extra.
 */
describe('files given but not reported', () => {
  const helper = ['<?php', 'function wait_for_job() {', '  sleep(5);', '}', ''].join('\n');
  const caller = (name: string) => ['<?php', 'session_start();', `$_SESSION['${name}'] = 1;`, 'wait_for_job();', "echo 'done';", ''].join('\n');
  const handler = ['<?php', 'session_start();', "$_SESSION['x'] = 1;", 'sleep(5);', "echo 'done';", ''].join('\n');

  it('follow the declarations of unreported files, and report in the reported ones only', async () => {
    const files: SourceFile[] = [
      { path: 'a.php', text: caller('a') },
      { path: 'b.php', text: caller('b'), reported: false },
      { path: 'lib/jobs.php', text: helper, reported: false },
      { path: 'other.php', text: handler, reported: false },
      { path: 'broken.php', text: '<?php\nfunction half( {\n', reported: false },
    ];
    const result = (await analyzer()).analyzeProject(files);
    assert.deepEqual(result.findings.map((f) => [f.rule, f.span.file]), [['held-across-slow-call', 'a.php']]);
    assert.deepEqual(result.errors, []);
    // With every file reported, the two callers make one finding told at the shared cause.
    const all = (await analyzer()).analyzeProject(files.map(({ reported: _, ...file }) => file));
    assert.ok(all.findings.some((f) => f.span.file === 'lib/jobs.php'), JSON.stringify(all.findings.map((f) => f.span.file)));
    assert.ok(all.findings.some((f) => f.span.file === 'other.php'));
    assert.ok(all.errors.some((e) => e.file === 'broken.php'));
  });
});
