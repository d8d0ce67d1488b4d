import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixesOnce } from '../../core/src';
import { isSuppressionFix } from '../src/fixes/suppression';
import { analyzer, fixturesRoot } from './support';

/**
 * The PHP fixes that are shown but never applied in bulk (no golden file holds them): each case
 * offers exactly this display-only fix, its title gives the reason, and the code it would write
 * is still valid PHP (a person may apply it from the editor).
 */
const CASES: { fixture: string; rule: string; title: RegExp }[] = [
  {
    fixture: 'held-across-slow-call/reopen-output-before-close.php',
    rule: 'held-across-slow-call',
    title: /^Close the session before the slow work and reopen it around the later write \(not applied: output may be sent before the close/,
  },
  {
    fixture: 'write-after-close/lost-write-after-output.php',
    rule: 'write-after-close',
    title: /^Reopen the session around the lost write \(not applied: output may have been sent before, and PHP refuses to start a session once headers are sent/,
  },
  {
    fixture: 'write-after-close/flash-after-logout.php',
    rule: 'write-after-close',
    title: /^Start a new session around the lost write \(not applied: the session was destroyed before/,
  },
  {
    fixture: 'write-after-close/write-through-helper-after-destroy.php',
    rule: 'write-after-close',
    title: /^Start a new session around the lost write \(not applied: the session was destroyed before/,
  },
  {
    fixture: 'reopen-after-output/output-buffer-flushed.php',
    rule: 'reopen-after-output',
    title: /^Move the session start before the output on line 9 \(not applied: output may have been sent before it, and no close before it in this function/,
  },
  {
    fixture: 'reopen-after-output/helper-starts-after-download.php',
    rule: 'reopen-after-output',
    title: /^Move the session start before the output on line 15 \(not applied: output may have been sent before it/,
  },
];

describe('display-only PHP fixes', () => {
  for (const { fixture, rule, title } of CASES) {
    it(`${fixture}: ${rule} offers a display-only fix that says why it is not applied`, async () => {
      const file = path.join(fixturesRoot, fixture);
      const name = path.basename(file);
      const text = fs.readFileSync(file, 'utf8');
      const result = (await analyzer()).analyzeFile({ path: name, text });
      const fixes = result.findings.filter((f) => f.rule === rule).flatMap((f) => f.fixes.filter((fix) => !isSuppressionFix(fix)));
      assert.deepEqual(
        fixes.map((fix) => fix.applicability),
        ['display-only'],
        `fixes offered: ${fixes.map((fix) => `[${fix.applicability}] ${fix.title}`).join('; ')}`,
      );
      assert.match(fixes[0]!.title, title);
      const applied = applyFixesOnce(new Map([[name, text]]), fixes).texts.get(name)!;
      assert.notEqual(applied, text, 'the fix changes nothing');
      const lint = spawnSync('php', ['-n', '-l'], { input: applied, encoding: 'utf8' });
      assert.equal(lint.status, 0, `php -l rejects the fixed text: ${lint.stdout}${lint.stderr}`);
    });
  }
});
