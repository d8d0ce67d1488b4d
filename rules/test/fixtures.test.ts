import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../core/src';
import type { AnalyzerOptions } from '../src/api';
import { allRules } from '../src/registry';
import { parseExpectations } from './expectations';
import { analyzer, fixtureFiles, fixturesRoot } from './support';

/**
 * Runs every case in `test-fixtures/<rule-id>/`: the findings must be exactly the ones the
 * file's `// expect:` comments name, and `*.ok.php` files must have none at all. TypeScript
 * and JavaScript cases (`.ts`, `.js`, clean ones `*.ok.ts`, `*.ok.js`) work the same way.
 */
const FIXTURE_EXTENSIONS = ['.php', '.ts', '.js', '.mjs'];

describe('rule fixtures', () => {
  it('has a folder per rule and no folder for an unknown rule', () => {
    const folders = fs.readdirSync(fixturesRoot, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const expected = [...allRules.map((rule) => rule.meta.id), 'engine'].sort();
    assert.deepEqual(folders.sort(), expected);
  });

  for (const rule of allRules) {
    const folder = path.join(fixturesRoot, rule.meta.id);
    describe(rule.meta.id, () => {
      for (const file of fixtureFiles(folder, FIXTURE_EXTENSIONS)) {
        const name = path.basename(file);
        it(name, async () => {
          const text = fs.readFileSync(file, 'utf8');
          const optionsFile = file.replace(/(\.ok)?\.(php|ts|js|mjs)$/, '.options.json');
          const options: AnalyzerOptions = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {};
          const result = (await analyzer(options)).analyzeFile({ path: name, text });
          assert.deepEqual(result.errors.map((e) => e.message), [], 'fixtures must parse cleanly');

          const lines = new LineIndex(text);
          const actual = result.findings.map((f) => ({ line: lines.positionAt(f.span.start).line + 1, rule: f.rule, message: f.message, severity: f.severity }));
          const expected = parseExpectations(text);
          if (/\.ok\.(php|ts|js|mjs)$/.test(name)) {
            assert.equal(expected.length, 0, 'an .ok.php (.ok.ts, .ok.js) file must not carry expectations');
          } else {
            assert.ok(expected.length > 0, 'a case without expectations must be named *.ok.php (*.ok.ts, *.ok.js)');
          }
          const render = (items: readonly { line: number; rule: string }[]): string =>
            items.map((i) => `${i.line}: ${i.rule}`).sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b)).join('\n');
          assert.equal(render(actual), render(expected), `findings differ in ${name}:\n${actual.map((a) => `  ${a.line}: ${a.message}`).join('\n')}`);
          for (const expectation of expected) {
            if (expectation.severity) {
              const found = actual.filter((a) => a.line === expectation.line && a.rule === expectation.rule).map((a) => a.severity);
              assert.ok(found.includes(expectation.severity as never), `line ${expectation.line}: expected ${expectation.rule} at ${expectation.severity}, got ${found.join(', ')}`);
            }
            if (!expectation.pattern) continue;
            const match = actual.some((a) => a.line === expectation.line && a.rule === expectation.rule && expectation.pattern!.test(a.message));
            assert.ok(match, `line ${expectation.line}: no ${expectation.rule} message matches ${expectation.pattern}; got:\n${actual.filter((a) => a.line === expectation.line).map((a) => `  ${a.message}`).join('\n')}`);
          }
        });
      }
    });
  }
});
