import * as assert from 'node:assert/strict';
import { scanPhpBytes } from '../src/relevance/byte-scan';
import { analyzer } from './support';

/**
 * Parsing on demand (issue 12): which files a project's run parses, and that the files it
 * leaves out change nothing. The equality over every fixture is `on-demand-parity.test.ts`.
 */
const project = [
  // A root: it names the session API.
  { path: 'start.php', text: '<?php\nfunction open_it() { session_start(); helper(); }\n' },
  // Reached: a root calls a function it declares.
  { path: 'lib.php', text: '<?php\nfunction helper() { return 1; }\n' },
  // Reaching: it calls a root's function (the finding is here, where the slow work is).
  { path: 'page.php', text: '<?php\nopen_it();\nfile_get_contents("https://example.com/slow");\n' },
  // Neither: its own slow work holds nothing, and nothing it names is the roots'.
  { path: 'unrelated.php', text: '<?php\nfunction other() { sleep(1); }\nother();\n' },
  // A method of the same name as a root's function, called as a member: not the function.
  { path: 'member.php', text: '<?php\nclass View { function show($o) { $o->open_it(); } }\n' },
];

describe('parsing on demand', () => {
  it('parses the roots, what they reach and what reaches them, and skips the rest with the same findings', async () => {
    const onDemand = (await analyzer({ onDemand: true })).analyzeProject(project);
    const every = (await analyzer()).analyzeProject(project);
    assert.equal(every.stats?.filesParsed, 5);
    assert.equal(onDemand.stats?.filesParsed, 3);
    assert.equal(every.findings.length, 1);
    assert.equal(every.findings[0]!.span.file, 'page.php');
    assert.deepEqual(onDemand.findings, every.findings);
  });

  it('parses a file that assigns a shared variable under a key parsed code writes, and not one whose keys it never writes', async () => {
    const files = [
      { path: 'start.php', text: "<?php\nfunction open_it() { global $conf; if ($conf['lock']) session_start(); }\n" },
      { path: 'config.php', text: "<?php\n$conf['lock'] = true;\n" },
      { path: 'lang.php', text: "<?php\n$conf['greeting'] = 'Hello';\n" },
    ];
    const onDemand = (await analyzer({ onDemand: true })).analyzeProject(files);
    assert.equal(onDemand.stats?.filesParsed, 2);
  });

  it('parses a file the scan cannot read with certainty (an include of a computed path)', async () => {
    const files = [...project, { path: 'loader.php', text: '<?php\ninclude $page . ".php";\n' }];
    const onDemand = (await analyzer({ onDemand: true })).analyzeProject(files);
    assert.equal(onDemand.stats?.filesParsed, 4);
  });

  it('reads which names a file declares, mentions plainly and as members', () => {
    const scan = scanPhpBytes('<?php\n// this function is a comment\nfunction f() {}\nclass C { public function m() { $this->p = g(); } }\nconst A = 1, B = 2;\n');
    assert.deepEqual([...scan.declares].sort(), ['a', 'b', 'c', 'f']);
    assert.ok(scan.plainWords.has('g') && !scan.plainWords.has('p'));
    assert.ok(scan.memberWords.has('p'));
    assert.equal(scan.unsure, undefined);
    assert.match(scanPhpBytes('<?php define($name, 1);').unsure ?? '', /define/);
    assert.match(scanPhpBytes('<?php $o->$k = 1;').unsure ?? '', /expression/);
    assert.deepEqual(scanPhpBytes("<?php require_once __DIR__ . '/lib/x.php';").includedNames, ['x.php']);
    // An array key and a line comment are no include; a comment ended by `?>`, or one whose
    // marker may sit in a string opened above, may hide one.
    assert.equal(scanPhpBytes("<?php $args['include'] = $ids;\n// include the files\n$x = f();").unsure, undefined);
    assert.match(scanPhpBytes('<?php // x ?><?php include $f;').unsure ?? '', /include/);
    assert.match(scanPhpBytes("<?php $s = 'a\n// b'; include $f;").unsure ?? '', /include/);
    const keyed = scanPhpBytes("<?php $lang['save_page'] = 'Save'; $conf = []; $row[$i] = 1; $path ??= 'x'; $n **= 2; if ($a == 1) {} include $dir . $page;");
    assert.ok(keyed.assigns.has('path') && keyed.assigns.has('n') && !keyed.assigns.has('a'));
    assert.deepEqual([...keyed.keyedAssigns.get('lang')!], ['save_page']);
    assert.ok(keyed.assigns.has('conf') && !keyed.assigns.has('lang'));
    assert.ok(keyed.computedKeys.has('row'));
    assert.deepEqual([...keyed.wholeVariables].sort(), ['dir', 'page']);
  });
});
