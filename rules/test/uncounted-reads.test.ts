import * as assert from 'node:assert/strict';
import { analyzer } from './support';

/** A file read on a path the analysis cannot know is not slow work; `--verbose` says so. */
describe('file reads on paths not known here', () => {
  it('are not findings, and each is a verbose note with its line', async () => {
    const text = ['<?php', 'session_start();', "$rows = file($_GET['feed']);", "$_SESSION['rows'] = count($rows);"].join('\n');
    const result = (await analyzer()).analyzeFile({ path: 'feed.php', text });
    assert.deepEqual(result.findings, []);
    assert.ok(
      result.notes.some((n) => n.file === 'feed.php' && n.message === 'line 3: `file()` reads a path not known here: not counted as slow work (only a URL is)'),
      JSON.stringify(result.notes),
    );
  });

  it('are not noted when the path is local or a URL', async () => {
    const text = ['<?php', 'session_start();', "$a = file(__DIR__ . '/menu.txt');", "$b = file('https://example.com/feed');"].join('\n');
    const result = (await analyzer()).analyzeFile({ path: 'feed.php', text });
    assert.equal(result.findings.length, 1);
    assert.ok(!result.notes.some((n) => n.message.includes('not counted as slow work')), JSON.stringify(result.notes));
  });
});
