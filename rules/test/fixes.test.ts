import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applicableAt, applyFixesOnce, applyFixesUntilStable, unifiedDiff, type FileTexts, type Finding, type Fix } from '../../core/src';
import type { AnalysisResult, AnalyzerOptions, ProjectHost } from '../src/api';
import { configToOptions, validateConfig } from '../src/config/config';
import { isSuppressionFix } from '../src/fixes/suppression';
import { allRules } from '../src/registry';
import { analyzer, fixtureFiles, fixturesRoot } from './support';

/**
 * The fixes of every fixture, single files and project folders alike:
 * - golden files: the text after the safe fixes is `<case>.fixed.php` (a folder:
 *   `<case>.fixed.diff`, a unified diff), after the unsafe ones too `<case>.unsafe.fixed.php`
 *   (`.diff`) when it differs; a missing golden file means no fix of that class is offered,
 *   and that is checked too (`UPDATE_GOLDEN=1` rewrites them: read the diff before committing);
 * - for every fixture: every fix has a title and edits only given files; the fixed text still
 *   parses (and passes `php -l`); analysing it reports none of the fixed findings and nothing
 *   new; fixing it again changes nothing;
 * - every finding but invalid-suppression's offers the "ignore this line" fix, which hides that
 *   finding and adds none.
 */
const EXTENSIONS = ['.php', '.ts', '.js', '.mjs'];
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Case {
  readonly name: string;
  /** Where the golden files go, without their suffix. */
  readonly goldenBase: string;
  readonly folder: boolean;
  readonly texts: FileTexts;
  readonly options: AnalyzerOptions;
  readonly host?: ProjectHost;
}

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

function singleFileCase(file: string): Case {
  const name = path.basename(file);
  const optionsFile = file.replace(/(\.ok)?\.(php|ts|js|mjs)$/, '.options.json');
  const options: AnalyzerOptions = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {};
  return { name, goldenBase: file.replace(/\.(php|ts|js|mjs)$/, ''), folder: false, texts: new Map([[name, fs.readFileSync(file, 'utf8')]]), options };
}

function folderCase(root: string): Case {
  const all = walk(root).filter((f) => /\.(php|ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(f));
  const notGivenFile = path.join(root, '_not-given.txt');
  const notGiven = new Set(fs.existsSync(notGivenFile) ? fs.readFileSync(notGivenFile, 'utf8').split(/\r?\n/).filter(Boolean) : []);
  const configFile = path.join(root, 'session-lint.json');
  const options: AnalyzerOptions = fs.existsSync(configFile)
    ? configToOptions(validateConfig(JSON.parse(fs.readFileSync(configFile, 'utf8')), 'session-lint.json'), '.')
    : {};
  const read = (file: string): string | undefined => {
    const full = path.join(root, file);
    return fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full, 'utf8') : undefined;
  };
  const host: ProjectHost = {
    readFile: read,
    listDirectory: (dir) => {
      const full = path.join(root, dir);
      return fs.existsSync(full) ? fs.readdirSync(full).map((name) => (dir === '.' ? name : `${dir}/${name}`)) : undefined;
    },
  };
  const texts = new Map(all.filter((f) => !notGiven.has(f)).map((f) => [f, read(f)!] as const));
  return { name: path.basename(root), goldenBase: root, folder: true, texts, options, host };
}

async function analyse(c: Case, texts: FileTexts): Promise<AnalysisResult> {
  return (await analyzer(c.options)).analyzeProject(
    [...texts].map(([file, text]) => ({ path: file, text })),
    c.host,
  );
}

/**
 * What a finding is about, independent of where the text moved: rule, file and the code it
 * points at; for a finding reached through calls, its cause (a group of places that reach one
 * cause is reported at a place once the others are fixed: the same problem).
 */
function keyOf(finding: Finding, texts: FileTexts): string {
  const span = finding.cause?.span ?? finding.span;
  const text = texts.get(span.file) ?? '';
  return `${finding.rule} @ ${span.file}: ${text.slice(span.start, span.end)}`;
}

/** Where a finding is reported: rule, file and the code it points at. */
function placeKey(finding: Finding, texts: FileTexts): string {
  const text = texts.get(finding.span.file) ?? '';
  return `${finding.rule} @ ${finding.span.file}: ${text.slice(finding.span.start, finding.span.end)}`;
}

/** One finding for several places: fixing one place leaves the others reported. */
function isGroup(finding: Finding): boolean {
  return finding.cause !== undefined && finding.related.some((r) => r.message === finding.cause!.reachedHere);
}

function keysOf(findings: readonly Finding[], texts: FileTexts): string[] {
  return findings.map((f) => keyOf(f, texts)).sort();
}

/** `after` holds no key more often than `before` does (nothing new). */
function nothingNew(before: readonly string[], after: readonly string[]): string[] {
  const left = [...before];
  const extra: string[] = [];
  for (const key of after) {
    const at = left.indexOf(key);
    if (at >= 0) left.splice(at, 1);
    else extra.push(key);
  }
  return extra;
}

function phpLint(text: string): string | undefined {
  const result = spawnSync('php', ['-n', '-l'], { input: text, encoding: 'utf8' });
  return result.status === 0 ? undefined : (result.stdout + result.stderr).trim();
}

/** The fixed files as the golden file holds them: the text itself, or for a folder a diff per changed file. */
function goldenText(c: Case, fixed: FileTexts): string {
  if (!c.folder) return fixed.get(c.name)!;
  return [...fixed.keys()].sort().map((file) => unifiedDiff(file, c.texts.get(file)!, fixed.get(file)!)).join('');
}

function goldenPath(c: Case, level: 'safe' | 'unsafe'): string {
  const suffix = level === 'safe' ? '.fixed' : '.unsafe.fixed';
  return `${c.goldenBase}${suffix}${c.folder ? '.diff' : path.extname(c.name)}`;
}

async function fixAll(c: Case, level: 'safe' | 'unsafe') {
  const results = new Map<FileTexts, AnalysisResult>();
  const initial = await analyse(c, c.texts);
  results.set(c.texts, initial);
  // The analyzer is synchronous once created: the loop may call it directly.
  const instance = await analyzer(c.options);
  const fixesFor = (texts: FileTexts): Fix[] => {
    let result = results.get(texts);
    if (!result) {
      result = instance.analyzeProject([...texts].map(([file, text]) => ({ path: file, text })), c.host);
      results.set(texts, result);
    }
    return result.findings.flatMap((f) => f.fixes);
  };
  const loop = applyFixesUntilStable(c.texts, fixesFor, applicableAt(level));
  return { initial, loop, final: results.get(loop.texts) ?? (await analyse(c, loop.texts)), fixesFor };
}

async function checkLevel(c: Case, level: 'safe' | 'unsafe', safeText?: string): Promise<string | undefined> {
  const { initial, loop, final, fixesFor } = await fixAll(c, level);
  assert.equal(loop.bounded, false, 'fixes are still offered after the last pass');
  const golden = goldenPath(c, level);
  const text = loop.changed.length > 0 ? goldenText(c, loop.texts) : undefined;
  // The unsafe golden file exists only where unsafe fixes change more than the safe ones.
  const expected = level === 'unsafe' && text === safeText ? undefined : text;
  if (UPDATE) {
    if (expected === undefined) fs.rmSync(golden, { force: true });
    else fs.writeFileSync(golden, expected);
  }
  const stored = fs.existsSync(golden) ? fs.readFileSync(golden, 'utf8') : undefined;
  assert.equal(expected, stored, expected === undefined ? `no ${level} fix is offered, but ${path.basename(golden)} exists` : `${level} fixes differ from ${path.basename(golden)}`);
  if (loop.changed.length === 0) return text;

  // The fixed text parses, and PHP accepts it.
  assert.deepEqual(final.errors.map((e) => `${e.file}: ${e.message}`), [], `the ${level}-fixed text does not parse`);
  for (const file of loop.changed) {
    if (file.endsWith('.php')) assert.equal(phpLint(loop.texts.get(file)!), undefined, `php -l rejects the ${level}-fixed ${file}`);
  }
  // None of the fixed findings is reported again, and nothing new is.
  const before = keysOf(initial.findings, c.texts);
  const after = keysOf(final.findings, loop.texts);
  assert.deepEqual(nothingNew(before, after), [], `the ${level}-fixed text has new findings`);
  const fixedKeys = initial.findings.filter((f) => !isGroup(f) && f.fixes.some((fix) => loop.applied.includes(fix))).map((f) => keyOf(f, c.texts));
  for (const key of fixedKeys) assert.ok(after.filter((k) => k === key).length < before.filter((k) => k === key).length, `still reported after its fix: ${key}`);
  // Fixing again changes nothing.
  const again = applyFixesUntilStable(loop.texts, fixesFor, applicableAt(level));
  assert.deepEqual(again.changed, [], `a second ${level} fix pass changes ${again.changed.join(', ')}`);
  return text;
}

describe('fixes of every fixture', () => {
  for (const rule of allRules) {
    const folder = path.join(fixturesRoot, rule.meta.id);
    if (!fs.existsSync(folder)) continue;
    const cases = [
      ...fixtureFiles(folder, EXTENSIONS).map(singleFileCase),
      ...fs
        .readdirSync(folder, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => folderCase(path.join(folder, e.name))),
    ];
    describe(rule.meta.id, () => {
      for (const c of cases) {
        it(c.name, async () => {
          const initial = await analyse(c, c.texts);
          for (const finding of initial.findings) {
            // Every finding offers "ignore this line", but invalid-suppression's (about such a comment).
            if (finding.rule !== 'invalid-suppression') assert.ok(finding.fixes.some(isSuppressionFix), `${placeKey(finding, c.texts)} offers no "ignore this finding" fix`);
            for (const fix of finding.fixes) {
              assert.ok(fix.title.trim().length > 0, `a fix of ${finding.rule} has no title`);
              for (const edit of fix.edits) assert.ok(c.texts.has(edit.span.file), `"${fix.title}" edits ${edit.span.file}, which was not analysed`);
            }
          }
          const safe = await checkLevel(c, 'safe');
          await checkLevel(c, 'unsafe', safe);

          // "Ignore this line" hides its finding and adds nothing (a reason placeholder is a reason).
          const before = initial.findings.map((f) => placeKey(f, c.texts));
          for (const finding of initial.findings) {
            const ignore = finding.fixes.find(isSuppressionFix);
            if (!ignore) continue;
            const applied = applyFixesOnce(c.texts, [ignore]);
            const result = await analyse(c, applied.texts);
            assert.deepEqual(result.errors.map((e) => e.message), [], 'the suppression comment breaks the syntax');
            const after = result.findings.map((f) => placeKey(f, applied.texts));
            // A grouped finding's other places may now stand on their own: same rule, never another one.
            const added = nothingNew(before, after).filter((key) => !key.startsWith(`${finding.rule} @ `));
            assert.deepEqual(added, [], `ignoring ${placeKey(finding, c.texts)} reports something new`);
            const key = placeKey(finding, c.texts);
            assert.ok(after.filter((k) => k === key).length < before.filter((k) => k === key).length, `the suppression comment does not hide ${key}`);
          }
        }).timeout(60000);
      }
    });
  }
});
