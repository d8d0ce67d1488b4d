import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzer, fixturesRoot, projectOf } from './support';

/**
 * The order in which files are given never changes what is found (issue 9: "the same findings
 * whatever the working directory"; a shell glob, an editor's open documents and a CI file list
 * all order files differently). Every project fixture is analysed with its files in the walk's
 * order and reversed, and the findings must be equal, order included: the report is sorted by the
 * engine, not by the order files arrived in.
 */
describe('file order: the order files are given in changes nothing', () => {
  const rules = fs.readdirSync(fixturesRoot, { withFileTypes: true }).filter((e) => e.isDirectory());
  it('finds the fixture folders', () => assert.ok(rules.length >= 8));
  for (const rule of rules) {
    const folder = path.join(fixturesRoot, rule.name);
    const projects = fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory());
    if (projects.length === 0) continue;
    describe(rule.name, () => {
      for (const project of projects) {
        const full = path.join(folder, project.name);
        it(project.name, async () => {
          const { sources, host, options } = projectOf(full);
          const forward = (await analyzer(options)).analyzeProject(sources, host);
          const reversed = (await analyzer(options)).analyzeProject([...sources].reverse(), host);
          assert.deepEqual(reversed.findings, forward.findings);
        });
      }
    });
  }
});
