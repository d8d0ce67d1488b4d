import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../core/src';
import type { AnalyzerOptions, SourceFile } from '../src/api';
import { configToOptions, validateConfig } from '../src/config/config';
import { installedNameOfTemplate, isPhpCommandScript } from '../src/discovery/file-types';
import { allRules } from '../src/registry';
import { parseExpectations } from './expectations';
import { analyzer, fixturesRoot } from './support';

/**
 * Multi-file cases: every folder `test-fixtures/<rule-id>/<case>/` is one project, analysed
 * together as the CLI does (includes, calls across files, a `session-lint.json` at its
 * root). Expectations are `// expect:` comments in any of its files, as for single files
 * (a message pattern may match the message or a related location's label);
 * files under `lib/` or named in `_not-given.txt` are left out of the given set and reached
 * only through includes (the host reads them), as a bootstrap outside the checked paths.
 */
function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

describe('project fixtures', () => {
  for (const rule of allRules) {
    const folder = path.join(fixturesRoot, rule.meta.id);
    if (!fs.existsSync(folder)) continue;
    const projects = fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory());
    if (projects.length === 0) continue;
    describe(rule.meta.id, () => {
      for (const project of projects) {
        it(project.name, async () => {
          const root = path.join(folder, project.name);
          // Every extension the analyser reads (a corpus reduction keeps its `.mjs` files), and
          // PHP entry scripts shipped as templates (`connector.php-dist`), as the CLI's walk takes them.
          // Installed packages are read through the host only, as the CLI leaves node_modules/ out.
          // PHP commands without an extension (`bin/app-cli` with a `#!` line) too.
          const analysed = (f: string): boolean =>
            /\.(php|ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(f) ||
            installedNameOfTemplate(path.basename(f)) !== undefined ||
            (!path.basename(f).includes('.') && isPhpCommandScript(path.basename(f), fs.readFileSync(path.join(root, f), 'latin1').slice(0, 128)));
          const all = walk(root).filter((f) => analysed(f) && !f.split('/').includes('node_modules'));
          const notGivenFile = path.join(root, '_not-given.txt');
          const notGiven = new Set(fs.existsSync(notGivenFile) ? fs.readFileSync(notGivenFile, 'utf8').split(/\r?\n/).filter(Boolean) : []);
          const given = all.filter((f) => !notGiven.has(f));
          const configFile = path.join(root, 'session-lint.json');
          const options: AnalyzerOptions = fs.existsSync(configFile)
            ? configToOptions(validateConfig(JSON.parse(fs.readFileSync(configFile, 'utf8')), 'session-lint.json'), '.')
            : {};
          const read = (file: string): string | undefined => {
            const full = path.join(root, file);
            return fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full, 'utf8') : undefined;
          };
          const sources: SourceFile[] = given.map((file) => ({ path: file, text: read(file)! }));
          const result = (await analyzer(options)).analyzeProject(sources, {
            readFile: read,
            listDirectory: (dir) => {
              const full = path.join(root, dir);
              return fs.existsSync(full) ? fs.readdirSync(full).map((name) => (dir === '.' ? name : `${dir}/${name}`)) : undefined;
            },
            listFolders: (dir) => {
              const full = path.join(root, dir);
              if (!fs.existsSync(full)) return undefined;
              return fs
                .readdirSync(full, { withFileTypes: true })
                .filter((entry) => entry.isDirectory())
                .map((entry) => (dir === '.' ? entry.name : `${dir}/${entry.name}`));
            },
          });
          assert.deepEqual(result.errors.map((e) => `${e.file}: ${e.message}`), []);

          const actual: string[] = [];
          const located = result.findings.map((finding) => ({ finding, at: `${finding.span.file}:${new LineIndex(read(finding.span.file)!).positionAt(finding.span.start).line + 1}: ${finding.rule}` }));
          for (const { at } of located) actual.push(at);
          const expected: string[] = [];
          const checks: { at: string; severity?: string }[] = [];
          for (const file of all) {
            for (const e of parseExpectations(read(file)!)) {
              const at = `${file}:${e.line}: ${e.rule}`;
              expected.push(at);
              checks.push({ at, ...(e.severity ? { severity: e.severity } : {}) });
            }
          }
          const messages = result.findings.map((f) => `  ${f.span.file}: ${f.message}\n${f.related.map((r) => `      ${r.span.file}: ${r.message}`).join('\n')}`);
          assert.equal(actual.sort().join('\n'), expected.sort().join('\n'), `findings differ in ${project.name}:\n${messages.join('\n')}`);
          // A message pattern must match the finding's message or one of its related locations'
          // (where a framework opened the session: "config.php` starts the session").
          for (const file of all) {
            for (const e of parseExpectations(read(file)!)) {
              if (!e.pattern) continue;
              const match = result.findings.some((f) => {
                if (f.span.file !== file || f.rule !== e.rule) return false;
                if (new LineIndex(read(file)!).positionAt(f.span.start).line + 1 !== e.line) return false;
                return e.pattern!.test(f.message) || f.related.some((r) => e.pattern!.test(r.message));
              });
              assert.ok(match, `${file}:${e.line}: no ${e.rule} finding whose message or related location matches ${e.pattern}:\n${messages.join('\n')}`);
            }
          }
          // `@severity`, as for single files.
          for (const check of checks) {
            if (!check.severity) continue;
            const here = located.filter((l) => l.at === check.at).map((l) => l.finding);
            assert.ok(here.some((f) => f.severity === check.severity), `${check.at}: expected severity ${check.severity}, got ${here.map((f) => f.severity).join(', ')}`);
          }
        });
      }
    });
  }
});
