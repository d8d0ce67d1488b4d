// Checks the reproductions in this folder the way test-fixtures/ are checked: every finding must
// be expected (`// expect: <rule-id>[ "message regex"]` on its line) and every expectation must
// be found; a `.ok.*` case must produce no finding. A folder is one case (one project).
// Usage (after `npx tsc -b && node esbuild.mjs`): node docs/corpus-repros/check.mjs [case…]
// Prints PASS/FAIL per case; exits 1 when a case fails (which is expected for the open ones:
// see README.md).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.resolve(here, '../../cli/out/session-lint.js');
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|php)$/;

function cases() {
  const out = [];
  for (const rule of fs.readdirSync(here, { withFileTypes: true })) {
    if (!rule.isDirectory()) continue;
    for (const entry of fs.readdirSync(path.join(here, rule.name), { withFileTypes: true })) {
      if (entry.isDirectory() || SOURCE.test(entry.name)) out.push(path.join(rule.name, entry.name));
    }
  }
  return out.sort();
}

function sourceFiles(abs) {
  if (!fs.statSync(abs).isDirectory()) return [abs];
  return fs.readdirSync(abs, { recursive: true }).map((f) => path.join(abs, f)).filter((f) => SOURCE.test(f));
}

function expectations(files) {
  const exp = [];
  for (const file of files) {
    fs.readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
      const m = text.match(/\/\/ expect: ([\w-]+(?:, [\w-]+)*)(?: "(.*)")?\s*$/);
      if (m) for (const rule of m[1].split(', ')) exp.push({ file: path.resolve(file), line: i + 1, rule, re: m[2] ? new RegExp(m[2]) : undefined });
    });
  }
  return exp;
}

let failed = 0;
const chosen = process.argv.slice(2);
for (const c of chosen.length ? chosen : cases()) {
  const abs = path.resolve(here, c);
  const isDir = fs.statSync(abs).isDirectory();
  let report;
  try {
    report = JSON.parse(execFileSync('node', [cli, 'check', isDir ? '.' : path.basename(abs), '--format', 'json', '--no-ignore'], {
      cwd: isDir ? abs : path.dirname(abs), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
    }));
  } catch (e) {
    report = JSON.parse(e.stdout); // exit code 1: warnings found
  }
  const base = isDir ? abs : path.dirname(abs);
  const exp = expectations(sourceFiles(abs));
  const problems = [];
  for (const f of report.findings) {
    const file = path.resolve(base, f.file);
    const i = exp.findIndex((e) => !e.used && e.file === file && e.line === f.line && e.rule === f.rule && (!e.re || e.re.test(f.message)));
    if (i < 0) problems.push(`unexpected ${f.rule} at ${path.relative(here, file)}:${f.line}: ${f.message}`);
    else exp[i].used = true;
  }
  for (const e of exp) if (!e.used) problems.push(`missing ${e.rule} at ${path.relative(here, e.file)}:${e.line}`);
  for (const e of report.errors) problems.push(`input error: ${JSON.stringify(e)}`);
  console.log(`${problems.length ? 'FAIL' : 'PASS'} ${c}`);
  for (const p of problems) console.log(`     ${p}`);
  if (problems.length) failed++;
}
process.exitCode = failed ? 1 : 0;
