import { Command, CommanderError, Option } from 'commander';
import type { Analyzer, AnalyzerServices } from '../../rules/src/analyzer';
import { createAnalyzer } from '../../rules/src/analyzer';
import type { AnalyzerOptions } from '../../rules/src/api';
import { loadGrammarBytes } from '../../rules/src/node-runtime';
import { ConfigError, loadConfig, type LoadedConfig } from './config';
import { runCheck } from './check';
import { filesTiedTo, fixRun, fixRunWithout, type FixLevel } from './fix';
import { fixCountLine } from './render/summary';
import { unifiedDiff } from '../../core/src';
import { filesNotWritable, writeFixedFiles } from './write-files';
import { createColors, shouldUseColor } from './color';
import { ExitCode, exitCodeFor } from './exit-code';
import { DEFAULT_MAX_FILE_SIZE, OUTPUT_FORMATS, parseByteCount, parseJobs, ON_DEMAND_BY_DEFAULT, type CheckCommandOptions } from './options';
import { runServices, type RunServices } from './run-services';
import { renderJson } from './render/json';
import { renderPretty } from './render/pretty';
import { buildReport } from './report';
import { VERSION } from './version';
import { diskLibraryCache, libraryCacheFolder } from './library-disk-cache';

/** Everything main touches outside itself, so tests run it in-process with fakes. */
export interface MainEnvironment {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  /** `services`: the cache, worker threads and progress callback of this run (none in most tests). */
  readonly createAnalyzer: (options: AnalyzerOptions, services?: AnalyzerServices) => Promise<Analyzer>;
}

const EXIT_CODE_HELP = `
Exit codes:
  0  no problems (info findings alone do not fail a run)
  1  at least one warning or error finding
  2  usage error, an input that could not be read, or an internal error`;

/**
 * Runs the command line and returns the exit code; never throws and never calls
 * `process.exit`, so buffered output is flushed and tests can call it directly.
 */
export async function main(argv: readonly string[], environment: MainEnvironment): Promise<number> {
  const { stdout, stderr } = environment;
  let exitCode: number = ExitCode.Clean;
  // Known before parsing succeeds, so a failure during parsing can still honour it.
  let verbose = argv.includes('--verbose');

  const program = new Command('session-lint')
    .description('Finds request handlers that hold a session lock across slow work.')
    .version(VERSION, '-V, --version')
    // Commander would call process.exit itself; we map its errors to our exit codes below.
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) })
    .showHelpAfterError('(add --help for usage)');

  program
    .command('check')
    .description('Analyse PHP, TypeScript and JavaScript files and report problems.')
    .argument('[paths...]', 'files and directories to analyse (default: the current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('pretty'))
    .option('--no-ignore', "don't honour .gitignore files")
    .option('--include-vendor', "don't skip vendor/, node_modules/ and composer.json's vendor-dir (which .gitignore often lists too: add --no-ignore)")
    .option('--include-tests', "also analyse test code: tests/, test/, Tests/, Test/, __tests__/ and e2e/ folders, *.spec.ts/*.test.js files and PHPUnit test classes")
    .option('--include-generated', 'also analyse minified and bundled JavaScript (build output, left out of directory walks by default)')
    .option('--report-non-locking-stores', "report lock findings where the project's own session store takes no lock as if PHP's file store were used")
    .addOption(new Option('--quiet', 'print findings and errors only, no summary').conflicts('verbose'))
    .option('--verbose', 'also print skipped paths and why (to stderr), and stack traces of internal errors')
    .option('--max-file-size <bytes>', 'larger files are reported as errors, not analysed', parseByteCount, DEFAULT_MAX_FILE_SIZE)
    .option('--config <file>', 'configuration file (default: session-lint.json, found by walking up from the working directory)')
    .option('--fix', 'apply the safe fixes of the findings, then report what remains')
    .option('--unsafe-fixes', 'also apply unsafe fixes (they change behaviour; read the diff); implies --fix')
    .option('--diff', 'print the changes the fixes would make as a unified diff instead of writing them (exit 1 if there are any); implies --fix')
    .option('--cache', 'keep per-file results between runs, so an unchanged tree is only read and hashed')
    .option('--cache-location <dir>', 'where --cache keeps them (default: node_modules/.cache/session-lint, else the user cache folder)')
    .option('--on-demand', 'parse only the PHP files that name a resource API or reach or are reached by one (same findings, much faster)')
    .option('--no-on-demand', 'parse every PHP file (the slow reference mode that --on-demand must agree with)')
    .option('--jobs <n>', 'threads that parse and lower files (default: the number of cores; 1: no worker threads)', parseJobs)
    .option('--color', 'force colored output (default: auto; honours NO_COLOR and FORCE_COLOR)')
    .option('--no-color', 'disable colored output')
    .addHelpText('after', EXIT_CODE_HELP)
    .action(async (paths: string[], options: CheckCommandOptions) => {
      verbose = options.verbose === true;
      exitCode = await check(paths, options, environment);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version end with exit code 0 (help asked for), everything else commander
      // has already explained on stderr: an unknown option or command, a bad value, no command.
      return err.exitCode === 0 ? ExitCode.Clean : ExitCode.Failure;
    }
    stderr.write(describeUnexpected(err, verbose));
    return ExitCode.Failure;
  }
}

async function check(paths: readonly string[], options: CheckCommandOptions, environment: MainEnvironment): Promise<number> {
  const { cwd, stderr } = environment;
  let config;
  try {
    config = loadConfig(cwd, options.config);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    stderr.write(`session-lint: ${err.message}\n`);
    return ExitCode.Failure;
  }
  if (options.verbose && config.path) stderr.write(`using configuration ${config.path}\n`);
  // The flag or the configuration's `includeTests`: test code serves no request, so it is left out by default.
  const includeTests = options.includeTests === true || config.options.includeTests === true;
  // The flag or the configuration's `reportNonLockingStores`: by default a store that takes no lock holds none.
  const reportNonLockingStores = options.reportNonLockingStores === true || config.options.reportNonLockingStores === true;
  // `--on-demand` / `--no-on-demand`, else the default.
  const onDemand = options.onDemand ?? ON_DEMAND_BY_DEFAULT;
  const analyzerOptions = {
    ...config.options,
    ...(onDemand ? { onDemand } : {}),
    ...(includeTests ? { includeTests } : {}),
    ...(reportNonLockingStores ? { reportNonLockingStores } : {}),
  };
  const level = fixLevelOf(options);
  const services = runServices(options, {
    cwd,
    env: environment.env,
    stderr,
    projectRoot: config.root,
    analyzerOptions,
    // `--fix` changes files between passes: it uses the per-file cache, not the run's.
    wholeRun: level === undefined,
  });
  try {
    return await checkWith(paths, options, environment, { config, analyzerOptions, includeTests, level, services });
  } finally {
    // The cache is written and the worker threads end once every pass (fixes too) is done.
    services.close();
  }
}

async function checkWith(
  paths: readonly string[],
  options: CheckCommandOptions,
  environment: MainEnvironment,
  run: { config: LoadedConfig; analyzerOptions: AnalyzerOptions; includeTests: boolean; level: FixLevel | undefined; services: RunServices },
): Promise<number> {
  const { cwd, stdout, stderr } = environment;
  const { config, analyzerOptions, includeTests, level, services } = run;
  let result;
  try {
    result = await runCheck(
      {
        paths,
        cwd,
        respectIgnoreFiles: options.ignore,
        includeVendor: options.includeVendor === true,
        includeTests,
        includeGenerated: options.includeGenerated === true || config.includeGenerated === true,
        maxFileSize: options.maxFileSize,
        ignoreGlobs: config.ignore,
        root: config.root,
      },
      {
        createAnalyzer: () => environment.createAnalyzer(analyzerOptions, services.analyzer),
        verbose: options.verbose === true,
        // stderr: stdout carries only the report, so `--format json --verbose` stays parseable.
        ...(options.verbose ? { onSkip: (s) => stderr.write(`skipped ${s.displayPath}: ${s.reason}\n`) } : {}),
        ...(services.runCache ? { runCache: services.runCache } : {}),
        onFilesKnown: (count) => services.progress.start(count),
      },
    );
  } finally {
    services.progress.stop();
  }
  if (options.verbose) {
    for (const note of result.notes) stderr.write(`note: ${note.file}: ${note.message}\n`);
  }
  let fixed: { fixed: number; fixesApplied: number } | undefined;
  if (level !== undefined) {
    const fixes = fixRun(result, level);
    if (options.diff) {
      for (const file of fixes.changed) stdout.write(unifiedDiff(file.displayPath, file.before, file.after));
      if (!options.quiet) stderr.write(`${fixCountLine(fixes.fixed, fixes.applied.length, fixes.changed.length, true)}\n`);
      if (exitCodeFor([], result.errors) === ExitCode.Failure) return ExitCode.Failure;
      return fixes.changed.length > 0 ? ExitCode.ProblemsFound : ExitCode.Clean;
    }
    // A file saved during the run keeps its new text, and so does every file a fix changes
    // together with it; the report and the count are then those of the files written.
    const notWritable = filesNotWritable(fixes.changed);
    const leftOut = filesTiedTo(fixes, notWritable.map((r) => r.file));
    const written = writeFixedFiles(fixes.changed.filter((file) => !leftOut.has(file.displayPath)));
    for (const r of written.refused) leftOut.add(r.file);
    const reasons = new Map([...notWritable, ...written.refused].map((r) => [r.file, r.reason] as const));
    const onDisk = fixRunWithout(result, fixes, leftOut);
    const refused = [...leftOut].sort().map((file) => ({ kind: 'unreadable' as const, file, message: reasons.get(file) ?? 'not fixed: a fix changes it together with a file that could not be written' }));
    result = { ...onDisk.result, errors: [...onDisk.result.errors, ...refused] };
    fixed = { fixed: onDisk.fixed, fixesApplied: onDisk.applied.length };
    if (fixes.bounded) stderr.write('session-lint: fixes were still offered after the last pass; run --fix again to see what remains\n');
  }
  const report = { ...(await buildReport(result, cwd)), ...(fixed ?? {}) };
  if (options.format === 'json') {
    stdout.write(renderJson(report));
  } else {
    const color = shouldUseColor({ flag: options.color, env: environment.env, isTTY: stdout.isTTY === true });
    stdout.write(renderPretty(report, result.texts, { colors: createColors(color), quiet: options.quiet === true }));
  }
  return exitCodeFor(report.findings, report.errors);
}

/** `--unsafe-fixes` wins over `--fix`; `--diff` alone means the safe fixes. */
function fixLevelOf(options: CheckCommandOptions): FixLevel | undefined {
  if (options.unsafeFixes) return 'unsafe';
  if (options.fix || options.diff) return 'safe';
  return undefined;
}

/** One clear line for an exception we did not expect; the stack only when asked for. */
export function describeUnexpected(err: unknown, verbose: boolean): string {
  const message = err instanceof Error ? err.message : String(err);
  const stack = err instanceof Error && err.stack !== undefined ? err.stack : undefined;
  const detail = verbose && stack !== undefined ? `\n${stack}` : '\n(run with --verbose for the stack trace)';
  return `session-lint: internal error: ${message}${detail}\n`;
}

/**
 * The real analyzer: the parser's wasm files, read next to the bundle or from node_modules;
 * what installed packages do is kept on disk under the nearest `node_modules/.cache/`.
 */
async function createNodeAnalyzer(options: AnalyzerOptions, services: AnalyzerServices = {}): Promise<Analyzer> {
  const folder = libraryCacheFolder(process.cwd());
  return createAnalyzer(await loadGrammarBytes(), options, { ...services, ...(folder !== undefined ? { libraryCache: diskLibraryCache(folder) } : {}) });
}

function runAsProcess(): void {
  const verbose = process.argv.includes('--verbose');
  // Stack traces are only shown with --verbose; map them to the TypeScript sources then.
  if (verbose) process.setSourceMapsEnabled(true);
  const fail = (err: unknown): void => {
    process.stderr.write(describeUnexpected(err, verbose));
    process.exit(ExitCode.Failure);
  };
  // Errors outside main's promise chain (a callback in a dependency) still get one clear line.
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // `session-lint check | head`: the reader went away; that is not our failure to report.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.Clean);
    else fail(err);
  });
  void main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    createAnalyzer: createNodeAnalyzer,
  }).then((code) => {
    // exitCode rather than exit(): pending writes to a pipe are flushed first.
    process.exitCode = code;
  });
}

if (require.main === module) runAsProcess();
