import * as assert from 'node:assert/strict';
import type { SourceFile } from '../src/api';
import { analyzer } from './support';

/**
 * The searches over includes and calls stay linear in the project, whatever the shape of its
 * include graph. The shape that once made them exponential is MantisBT's: every API file
 * includes several others through `require_api()` (a helper whose path is its parameter)
 * and the core file that declares the helper, so the files form one dense cycle, and their
 * functions call each other in cycles too. A search that cannot remember what it found inside
 * a cycle walks every path through it. This test counts the work (never the time): each unit
 * or file may be expanded once per kind of search.
 */
describe('searches over includes and calls', () => {
  it('expand each unit at most once per search on a dense cyclic include graph', async () => {
    const files = denseIncludeProject(40, 6);
    const result = (await analyzer()).analyzeProject(files);
    assert.deepEqual(result.errors, []);
    const stats = result.stats!;
    assert.ok(stats.files === files.length, `all ${files.length} files lowered (got ${stats.files})`);
    // Three searches over units (variables an include changes, properties and constants a call
    // reaches) and two over files (what a file includes, what includes it).
    const bound = 3 * stats.units + 2 * stats.files;
    assert.ok(stats.searchWork > 0, 'the searches ran');
    assert.ok(stats.searchWork <= bound, `search work ${stats.searchWork} exceeds ${bound} (3 × ${stats.units} units + 2 × ${stats.files} files)`);
    // The session opened in the core is held across the slow call of every page.
    assert.ok(result.findings.some((finding) => finding.rule === 'held-across-slow-call'));
  });

  it('says when a file reached from too many entry directories keeps only the first ones', async () => {
    // 40 entry scripts, each in its own directory, include one shared file: each directory is
    // one more way to resolve the shared file's relative includes, and past 32 the rest are cut.
    const pages = Array.from({ length: 40 }, (_, i) => ({ path: `/site/page${i}/index.php`, text: "<?php\nrequire_once __DIR__ . '/../lib/common.php';\n" }));
    const common = { path: '/site/lib/common.php', text: "<?php\ninclude './local.php';\n" };
    const result = (await analyzer()).analyzeProject([...pages, common]);
    const capped = result.notes.filter((note) => note.message.includes('more than 32 directories'));
    assert.deepEqual(capped.map((note) => note.file), ['/site/lib/common.php']);
  });
});

/**
 * `size` API files, each including `fanOut` others (the next ones, around a ring) through
 * the include helper and the core file directly, each with a function calling functions of
 * the files it includes and one of the file before it (cycles of calls as well), plus a page
 * that includes the core and does slow work.
 */
function denseIncludeProject(size: number, fanOut: number): SourceFile[] {
  const api = (i: number): string => `api_${i % size}.php`;
  const files: SourceFile[] = [
    {
      path: '/project/core.php',
      text: [
        '<?php',
        '$g_core_path = __DIR__ . "/core/";',
        'function require_api($p_api_name) {',
        '    global $g_core_path;',
        '    require_once($g_core_path . $p_api_name);',
        '}',
        'session_start();',
        ...Array.from({ length: size }, (_, i) => `require_api('${api(i)}');`),
        '',
      ].join('\n'),
    },
    {
      path: '/project/page.php',
      text: ['<?php', "require_once __DIR__ . '/core.php';", 'api_0_work($_GET["id"]);', "file_get_contents('https://example.com/feed');", ''].join('\n'),
    },
  ];
  for (let i = 0; i < size; i++) {
    const next = Array.from({ length: fanOut }, (_, k) => i + k + 1);
    files.push({
      path: `/project/core/${api(i)}`,
      text: [
        '<?php',
        "require_once __DIR__ . '/../core.php';",
        ...next.map((j) => `require_api('${api(j)}');`),
        `$g_api_${i}_loaded = true;`,
        `function api_${i}_work($id) {`,
        `    $local_${i} = $id;`,
        `    include __DIR__ . '/${api(i + 1)}';`,
        ...next.map((j) => `    api_${j % size}_work($local_${i});`),
        `    api_${(i + size - 1) % size}_work($id);`,
        `    Registry::$last_${i} = $id;`,
        '}',
        '',
      ].join('\n'),
    });
  }
  return files;
}
