// Every fixture typed in as an editor does, each edit's analysis (kept trees, units moved or
// lowered again, per-file cache) compared with one that reuses nothing: the check to run
// before and after a change to what the language server keeps between edits. Build first
// (`npx tsc -b`); prints each fixture whose findings, fixes, errors or notes differ, then a
// count. Not part of the suite (a few minutes for the fixtures below).
//
//   node tools/incremental-sweep.mjs [--edits 10] [FILE...]
//     FILEs: PHP or TypeScript files, each analysed alone as the open document of a workspace
//     folder of its own (default: the single-file fixtures of five rules, without the goldens).
//     Every other edit is a space at the start of the second line (every unit below moved again,
//     not lowered again: what was kept of them must move with them); the others cycle through a
//     space at the start of a line, a character in the middle of one (often a syntax error), a
//     comment at the start of one, that middle character taken out again, and a new line (every
//     unit below moved a line down), each on another line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const built = (module) => require(path.join(root, 'build', module));
const { analyzerCache } = built('server/src/analysis/analyzer-cache');
const { runJob } = built('server/src/analysis/run-job');
const { WorkspaceFiles } = built('server/src/analysis/workspace-files');
const { createAnalyzer } = built('rules/src/analyzer');
const { loadGrammarBytes } = built('rules/src/node-runtime');

const args = process.argv.slice(2);
const at = args.indexOf('--edits');
const edits = at === -1 ? 10 : Number(args[at + 1]);
const given = args.filter((arg, i) => arg !== '--edits' && args[i - 1] !== '--edits');
const defaults = () =>
  ['held-across-slow-call', 'write-after-close', 'reopen-after-output', 'prefer-read-and-close', 'session-already-open']
    .flatMap((rule) => fs.readdirSync(path.join(root, 'test-fixtures', rule)).map((name) => path.join(root, 'test-fixtures', rule, name)))
    .filter((file) => /\.(php|ts)$/.test(file) && !file.includes('.fixed.'));
const files = given.length > 0 ? given : defaults();

// No disk cache: each sweep starts from nothing, and writes nothing.
process.env.SESSION_LINT_NO_DISK_CACHE = '1';
const scope = { respectIgnoreFiles: true, includeVendor: false, includeTests: false, includeGenerated: false, ignoreGlobs: [], configRoot: '.', changed: [], rescan: false, report: 'open' };
const seen = (outcome) => JSON.stringify({ findings: outcome.findings, errors: outcome.errors, notes: outcome.summaryNotes });

/** The edit number `step` of `text`, on a line picked by the step. */
function edited(text, step) {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  if (step % 2 === 0) return `${text.slice(0, lineStarts[1] ?? 0)} ${text.slice(lineStarts[1] ?? 0)}`;
  const start = lineStarts[(step * 7 + 1) % lineStarts.length];
  const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  const middle = start + Math.floor((end - start) / 2);
  switch ((step >> 1) % 5) {
    case 0:
      return `${text.slice(0, start)} ${text.slice(start)}`;
    case 1:
      return `${text.slice(0, middle)}x${text.slice(middle)}`;
    case 2:
      return `${text.slice(0, start)}/* c */${text.slice(start)}`;
    case 3:
      return end > start ? text.slice(0, middle) + text.slice(middle + 1) : `${text} `;
    default:
      return `${text.slice(0, start)}\n${text.slice(start)}`;
  }
}

// One analyzer of each kind for the whole sweep (a parser per analyzer: hundreds exhaust wasm's
// table); each fixture under a name of its own, so nothing kept for one is reused for another.
const fresh = await createAnalyzer(await loadGrammarBytes(), {}, {});
const editing = analyzerCache();
const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-sweep-')));
let checked = 0;
let differ = 0;
try {
  for (const [n, file] of files.entries()) {
    for (const old of fs.readdirSync(folder)) fs.rmSync(path.join(folder, old));
    const name = `f${n}${path.extname(file)}`;
    let text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(path.join(folder, name), text);
    const job = (rescan) => ({ root: folder, files: [{ path: name, text }], overlays: [], options: {}, maxFileSize: 1 << 20, workspace: { ...scope, rescan } });
    const workspace = new WorkspaceFiles();
    const first = await runJob(job(true), editing, { workspaceFiles: workspace });
    if (first.findings.length === 0) continue;
    for (let step = 0; step < edits; step++) {
      text = edited(text, step);
      const incremental = await runJob(job(false), editing, { workspaceFiles: workspace });
      const reference = await runJob(job(true), async () => fresh, { workspaceFiles: new WorkspaceFiles() });
      checked++;
      if (seen(incremental) !== seen(reference)) {
        differ++;
        console.log(`differs: ${path.relative(root, file)} after edit ${step + 1}`);
        break;
      }
    }
  }
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
console.log(`${checked} edits compared, ${differ} fixture(s) differ`);
process.exit(differ > 0 ? 1 : 0);
