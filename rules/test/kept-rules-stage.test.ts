import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisResult, SourceFile } from '../src/api';
import { createAnalyzer, type Analyzer } from '../src/analyzer';
import { loadGrammarBytes } from '../src/node-runtime';
import { fixturesRoot } from './support';
import { editsOf } from './typing-edits';

/** What an editor shows of an analysis: findings (fixes included), errors, notes. */
function shown(result: AnalysisResult): unknown {
  return { findings: result.findings, errors: result.errors, notes: result.notes, summaryNotes: result.summaryNotes };
}

/** A handler of many small functions, each called from the top level after `session_start()`. */
function handler(functions: number): string {
  const lines = ['<?php', 'session_start();'];
  for (let i = 0; i < functions; i++) {
    lines.push(`function step_${i}($input) {`, '    $total = 0;', '    foreach ($input as $k => $v) {', `        $total += strlen((string) $v) * ${i};`, '    }');
    lines.push(i % 10 === 0 ? '    sleep(1);' : `    $_SESSION['step_${i}'] = $total;`, '    return $total;', '}', `step_${i}([1, 2, 3]);`, '');
  }
  return lines.join('\n');
}

/**
 * A language server's analysis keeps the flow and the rules' output for an edit that changed
 * nothing they read (`rules/src/cache/kept-rules-stage.ts`): the IR the same but for positions,
 * the syntax tree's shape the same, no text the fixes read touched. Every analysis must give
 * what an analyzer that keeps nothing gives for the same text.
 */
describe('the flow and rules kept across edits give a fresh analysis', function () {
  this.timeout(300_000);
  let grammar: Awaited<ReturnType<typeof loadGrammarBytes>>;
  let fresh: Analyzer;
  before(async () => {
    grammar = await loadGrammarBytes();
    fresh = await createAnalyzer(grammar);
  });

  const typing = (): Promise<Analyzer> => createAnalyzer(grammar, {}, { recentTrees: 8 });
  const project = (text: string): SourceFile[] => [{ path: 'handler.php', text }];

  it('keeps them for a space typed inside one function of a long file, and runs them again for an edit of its code', async () => {
    const analyzer = await typing();
    const counts = analyzer.flowAndRules!;
    let text = handler(40);
    assert.deepEqual(shown(analyzer.analyzeProject(project(text))), shown(fresh.analyzeProject(project(text))));
    assert.equal(counts.ran, 1);
    assert.ok(fresh.analyzeProject(project(text)).findings.length > 0, 'the handler has findings');

    // A space in the indentation of a line inside `step_17()`: nothing the analysis read changed.
    const inside = text.indexOf('        $total += strlen((string) $v) * 17;');
    text = `${text.slice(0, inside)} ${text.slice(inside)}`;
    assert.deepEqual(shown(analyzer.analyzeProject(project(text))), shown(fresh.analyzeProject(project(text))));
    assert.deepEqual({ ran: counts.ran, reused: counts.reused }, { ran: 1, reused: 1 });

    // A second one, in another function: kept again, from the kept output moved once already.
    const other = text.indexOf('    $total = 0;', text.indexOf('function step_33('));
    text = `${text.slice(0, other)}  ${text.slice(other)}`;
    assert.deepEqual(shown(analyzer.analyzeProject(project(text))), shown(fresh.analyzeProject(project(text))));
    assert.deepEqual({ ran: counts.ran, reused: counts.reused }, { ran: 1, reused: 2 });

    // A digit typed into `* 17`: the IR holds no arithmetic, so this is kept too.
    text = text.replace('* 17;', '* 170;');
    assert.deepEqual(shown(analyzer.analyzeProject(project(text))), shown(fresh.analyzeProject(project(text))));
    assert.deepEqual({ ran: counts.ran, reused: counts.reused }, { ran: 1, reused: 3 });

    // The twin: an edit of what `step_17()` does (the session key it writes): the flow and the rules run.
    text = text.replace("$_SESSION['step_17']", "$_SESSION['step_x17']");
    assert.deepEqual(shown(analyzer.analyzeProject(project(text))), shown(fresh.analyzeProject(project(text))));
    assert.deepEqual({ ran: counts.ran, reused: counts.reused }, { ran: 2, reused: 3 });
  });

  it('runs them again when the edit touches text a fix read (the indentation before the start it guards)', async () => {
    const analyzer = await typing();
    const counts = analyzer.flowAndRules!;
    let text = ['<?php', 'function page() {', '    session_start();', "    $_SESSION['a'] = 1;", '    sleep(2);', '    echo 1;', '}', 'page();', ''].join('\n');
    const before = shown(fresh.analyzeProject(project(text)));
    assert.deepEqual(shown(analyzer.analyzeProject(project(text))), before);
    assert.ok(fresh.analyzeProject(project(text)).findings.some((finding) => finding.fixes.some((fix) => fix.edits.some((edit) => edit.newText.includes('session_write_close')))), 'an early close is offered');
    // The early close is inserted before `sleep(2);`, indented like it: a space there changes the fix.
    const line = text.indexOf('    sleep(2);');
    text = `${text.slice(0, line)} ${text.slice(line)}`;
    assert.deepEqual(shown(analyzer.analyzeProject(project(text))), shown(fresh.analyzeProject(project(text))));
    assert.deepEqual({ ran: counts.ran, reused: counts.reused }, { ran: 2, reused: 0 });
  });

  it('gives, after each edit of the single-file fixtures of a rule, what an analysis from nothing gives', async () => {
    const files = ['write-after-close'].flatMap((rule) =>
      fs
        .readdirSync(path.join(fixturesRoot, rule))
        .filter((name) => name.endsWith('.php') && !name.includes('.fixed.'))
        .map((name) => path.join(fixturesRoot, rule, name)),
    );
    let reused = 0;
    let compared = 0;
    for (const file of files) {
      const analyzer = await typing();
      const name = path.relative(fixturesRoot, file);
      for (const [step, text] of [fs.readFileSync(file, 'utf8'), ...editsOf(fs.readFileSync(file, 'utf8'))].entries()) {
        const sources = [{ path: name, text }];
        assert.deepEqual(shown(analyzer.analyzeProject(sources)), shown(fresh.analyzeProject(sources)), `${name}, edit ${step}`);
        compared++;
      }
      reused += analyzer.flowAndRules!.reused;
    }
    assert.ok(compared > 100, `texts compared: ${compared}`);
    // A space typed at the start of a line keeps them often; most other edits change the IR.
    assert.ok(reused > compared / 20, `kept: ${reused} of ${compared}`);
  });
});
