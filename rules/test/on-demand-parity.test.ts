import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisResult, AnalyzerOptions } from '../src/api';
import { analyzer, EXTENSIONS, fixturesRoot, projectOf } from './support';

/**
 * Parsing on demand changes which files are parsed, never what is found (issue 12): every
 * fixture (single files and project folders, PHP and TypeScript) analysed with `onDemand` and
 * with every file parsed gives the same findings, fixes and related locations included. Errors
 * may only be fewer: a file left unparsed reports no syntax error.
 */
function findingsOf(result: AnalysisResult): unknown {
  return result.findings;
}

function assertSubset(fewer: AnalysisResult, more: AnalysisResult): void {
  const all = new Set(more.errors.map((error) => JSON.stringify(error)));
  for (const error of fewer.errors) assert.ok(all.has(JSON.stringify(error)), `an error only on demand: ${JSON.stringify(error)}`);
}

describe('parity: parsing on demand finds what parsing every file finds', () => {
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
            const onDemand = (await analyzer({ ...options, onDemand: true })).analyzeProject(sources, host);
            const every = (await analyzer(options)).analyzeProject(sources, host);
            assert.deepEqual(findingsOf(onDemand), findingsOf(every));
            assertSubset(onDemand, every);
          });
        } else if (EXTENSIONS.test(entry.name) && !entry.name.includes('.fixed.')) {
          it(entry.name, async () => {
            const optionsFile = full.replace(/(\.ok)?\.[a-z]+$/, '.options.json');
            const options: AnalyzerOptions = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {};
            const file = { path: entry.name, text: fs.readFileSync(full, 'utf8') };
            const onDemand = (await analyzer({ ...options, onDemand: true })).analyzeFile(file);
            const every = (await analyzer(options)).analyzeFile(file);
            assert.deepEqual(findingsOf(onDemand), findingsOf(every));
            assertSubset(onDemand, every);
          });
        }
      }
    });
  }
});
