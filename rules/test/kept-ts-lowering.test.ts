import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer, type Analyzer } from '../src/analyzer';
import type { AnalysisResult, ProjectHost, SourceFile } from '../src/api';
import { isTypeScriptPath } from '../../core/src';
import { loadGrammarBytes } from '../src/node-runtime';
import { analyzer, fixturesRoot, projectOf } from './support';

/** What a user sees of a run: findings in full, errors and notes. */
function seen(result: AnalysisResult): unknown {
  return { findings: result.findings, errors: result.errors, notes: result.notes };
}

/** The project fixture folders with TypeScript or JavaScript files. */
function tsProjects(): string[] {
  return fs.readdirSync(fixturesRoot, { withFileTypes: true }).flatMap((rule) =>
    rule.isDirectory()
      ? fs
          .readdirSync(path.join(fixturesRoot, rule.name), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => path.join(fixturesRoot, rule.name, entry.name))
          .filter((folder) => projectOf(folder).sources.some((file) => isTypeScriptPath(file.path)))
      : [],
  );
}

/** A host whose files not given read with a line more at their start (an imported module, a package, a config edited on disk). */
function editedOnDisk(host: ProjectHost): ProjectHost {
  return { ...host, readFile: (file) => (host.readFile(file) === undefined ? undefined : `\n${host.readFile(file)}`) };
}

/**
 * The language server keeps the lowering of a project's TypeScript/JavaScript files between
 * its runs (`KeptResults` in `rules/src/cache/kept-results.ts`), keyed by their texts and
 * checked against what they read through the host: typing in a PHP file of the folder lowers
 * none of them again. Each run of such an analyzer must find what a fresh analyzer finds, over
 * a sequence of states of every TypeScript project fixture (a PHP file of the folder edited,
 * a TypeScript file edited, the files read through the host changed on disk).
 */
describe('kept TypeScript/JavaScript lowering finds what a fresh lowering finds', function () {
  this.timeout(300_000);
  const folders = tsProjects();
  let grammar: Awaited<ReturnType<typeof loadGrammarBytes>>;
  before(async () => {
    grammar = await loadGrammarBytes();
  });

  it('finds the TypeScript project fixtures', () => assert.ok(folders.length >= 10, `folders: ${folders.length}`));

  it('gives the findings, errors and notes of a fresh analysis after each edit, lowering again only what changed', async () => {
    let reusedAfterPhpEdit = 0;
    let loweredAgainAfterDiskEdit = 0;
    for (const folder of folders) {
      const name = path.relative(fixturesRoot, folder);
      const { sources, host, options } = projectOf(folder);
      const kept: Analyzer = await createAnalyzer(grammar, options, { recentTrees: 8 });
      const fresh = await analyzer(options);
      const tsCount = sources.filter((file) => isTypeScriptPath(file.path)).length;
      const php = (text: string): SourceFile => ({ path: 'legacy.php', text });
      const firstTs = sources.findIndex((file) => isTypeScriptPath(file.path));
      const tsEdited = sources.map((file, i) => (i === firstTs ? { ...file, text: `\n${file.text}` } : file));
      const states: { step: string; files: SourceFile[]; host: ProjectHost }[] = [
        { step: 'first run', files: [...sources, php('<?php\nsession_start();\n')], host },
        { step: 'a PHP file edited', files: [...sources, php('<?php\nsession_start();\nsleep(1);\n')], host },
        { step: 'a TypeScript file edited', files: [...tsEdited, php('<?php\nsession_start();\nsleep(1);\n')], host },
        { step: 'the files read through the host edited', files: [...tsEdited, php('<?php\nsession_start();\nsleep(1);\n')], host: editedOnDisk(host) },
      ];
      for (const { step, files, host: through } of states) {
        const again = kept.analyzeProject(files, through);
        const expected = fresh.analyzeProject(files, through);
        assert.deepEqual(seen(again), seen(expected), `${name}: ${step}`);
        const parsedLess = (expected.stats?.filesParsed ?? 0) - (again.stats?.filesParsed ?? 0);
        if (step === 'a PHP file edited') {
          // The PHP edit is seen (a finding), and no TypeScript file is parsed or lowered again.
          assert.ok(again.findings.some((finding) => finding.span.file === 'legacy.php'), `${name}: the PHP edit's finding`);
          assert.ok(parsedLess >= tsCount, `${name}: TypeScript files parsed again after a PHP edit (${parsedLess} fewer than fresh, ${tsCount} given)`);
          reusedAfterPhpEdit++;
        }
        if (step === 'a TypeScript file edited') assert.equal(parsedLess, 0, `${name}: an edited TypeScript file is lowered again`);
        if (step === 'the files read through the host edited' && parsedLess === 0) loweredAgainAfterDiskEdit++;
      }
    }
    assert.equal(reusedAfterPhpEdit, folders.length);
    // Projects that read modules, packages or configs through the host lower again when those change.
    assert.ok(loweredAgainAfterDiskEdit >= 3, `lowered again after a change on disk: ${loweredAgainAfterDiskEdit} projects`);
  });
});
