import * as assert from 'node:assert/strict';
import { analyzer } from './support';

/**
 * A finding's "also while the lock is held" lines name other slow work of the same hold, but not
 * work that runs only after an error (a query helper's deadlock retry `sleep()`) when the
 * headline's work runs on the normal path: FrontAccounting listed twenty such lines under its
 * exchange-rate fetch. Slow work on the normal path is still listed, and so is error-path work
 * under an error-path headline.
 */
describe('held-across-slow-call: also-lines leave out error-path work under a normal-path headline', () => {
  const analyze = async (text: string) => (await analyzer()).analyzeFile({ path: 'input.php', text });
  const helper = `function db_query($db, $sql) {
  $retry = 3;
  do {
    $r = mysqli_query($db, $sql);
    if (mysqli_errno($db) == 1213) { sleep(1); $retry--; } else { $retry = 0; }
  } while ($retry);
  return $r;
}`;
  const alsoLines = (findings: readonly { related: readonly { message: string }[] }[]) =>
    findings.flatMap((f) => f.related.map((r) => r.message)).filter((m) => m.startsWith('also while'));

  it('leaves the retry sleep out under a remote fetch', async () => {
    const result = await analyze(`<?php\n${helper}\nsession_start();\n$db = mysqli_connect('localhost', 'u', 'p', 'd');\ndb_query($db, 'SELECT 1');\n$rate = file_get_contents('https://www.ecb.europa.eu/rates.xml');\nsleep(3);\n`);
    const held = result.findings.filter((f) => f.rule === 'held-across-slow-call');
    assert.equal(held.length, 1, JSON.stringify(result.findings.map((f) => f.message)));
    const also = alsoLines(held);
    assert.ok(also.some((m) => m.includes('sleep()')) && also.every((m) => !m.includes('db_query()')), also.join('\n'));
  }).timeout(60000);

  it('leaves it out where the same call reaches it further in', async () => {
    const result = await analyze(`<?php\n${helper}\nfunction show_rate($db) {\n  db_query($db, 'SELECT rate FROM rates');\n  return file_get_contents('https://www.ecb.europa.eu/rates.xml');\n}\nsession_start();\n$db = mysqli_connect('localhost', 'u', 'p', 'd');\nshow_rate($db);\n`);
    const held = result.findings.filter((f) => f.rule === 'held-across-slow-call');
    assert.equal(held.length, 1, JSON.stringify(result.findings.map((f) => f.message)));
    assert.ok(alsoLines(held).every((m) => !m.includes('sleep()')), alsoLines(held).join('\n'));
  }).timeout(60000);

  it('lists it under a headline that is itself on an error path', async () => {
    const result = await analyze(`<?php\n${helper}\nsession_start();\n$db = mysqli_connect('localhost', 'u', 'p', 'd');\ndb_query($db, 'SELECT 1');\ndb_query($db, 'SELECT 2');\n`);
    const held = result.findings.filter((f) => f.rule === 'held-across-slow-call');
    assert.equal(held.length, 1, JSON.stringify(result.findings.map((f) => f.message)));
    assert.ok(alsoLines(held).some((m) => m.includes('db_query()')), alsoLines(held).join('\n'));
  }).timeout(60000);
});
