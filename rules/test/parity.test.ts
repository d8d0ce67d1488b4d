import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisResult, AnalyzerOptions } from '../src/api';
import { analyzer, EXTENSIONS, fixturesRoot, projectOf } from './support';

/**
 * Relevance first changes what is analysed, never what is found: every fixture (single files
 * and project folders, PHP and TypeScript) analysed the default way (the rules skip the units
 * that can reach no resource effect) and with `analyseEveryUnit` gives the same findings,
 * fixes and related locations included.
 */
/** What a user sees of a run: findings in full, and the errors. */
function seen(result: AnalysisResult): unknown {
  return { findings: result.findings, errors: result.errors };
}

describe('parity: relevance first finds what analysing every unit finds', () => {
  const rules = fs.readdirSync(fixturesRoot, { withFileTypes: true }).filter((e) => e.isDirectory());
  it('finds the fixture folders', () => assert.ok(rules.length >= 8));
  for (const rule of rules) {
    const folder = path.join(fixturesRoot, rule.name);
    describe(rule.name, () => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          it(entry.name, async () => {
            const { sources, host, options } = projectOf(full);
            const relevant = (await analyzer(options)).analyzeProject(sources, host);
            const every = (await analyzer({ ...options, analyseEveryUnit: true })).analyzeProject(sources, host);
            assert.deepEqual(seen(relevant), seen(every));
          });
        } else if (EXTENSIONS.test(entry.name) && !entry.name.includes('.fixed.')) {
          it(entry.name, async () => {
            const optionsFile = full.replace(/(\.ok)?\.[a-z]+$/, '.options.json');
            const options: AnalyzerOptions = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {};
            const file = { path: entry.name, text: fs.readFileSync(full, 'utf8') };
            const relevant = (await analyzer(options)).analyzeFile(file);
            const every = (await analyzer({ ...options, analyseEveryUnit: true })).analyzeFile(file);
            assert.deepEqual(seen(relevant), seen(every));
          });
        }
      }
    });
  }
});

describe('relevance first: which units the rules leave alone', () => {
  it('skips a unit that reaches no resource effect (a session read is none), and keeps one that reaches a start or a write through a call or a callable it passes', async () => {
    const text = [
      '<?php',
      'function unrelated() { sleep(1); return 2; }',
      'function starts() { session_start(); }',
      'function viaCall() { starts(); sleep(1); }',
      'function runs($f) { $f(); }',
      'function viaCallable() { runs(function () { $_SESSION["k"] = 1; }); }',
      'function onlyReads() { return $_SESSION["k"] ?? null; }',
      '',
    ].join('\n');
    const relevant = (await analyzer()).analyzeFile({ path: 'a.php', text });
    const every = (await analyzer({ analyseEveryUnit: true })).analyzeFile({ path: 'a.php', text });
    // Of the eight units (the top level, six functions, the closure), four reach nothing that
    // changes the session: the top level, unrelated(), runs() (on its own, $f is unknown) and
    // onlyReads() (a read changes nothing and no PHP rule reports one).
    assert.equal(every.stats?.unitsSkipped, 0);
    assert.equal(relevant.stats?.unitsSkipped, 4);
    assert.deepEqual(seen(relevant), seen(every));
  });
});

