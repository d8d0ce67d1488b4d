import {
  FlowEngine,
  LineIndex,
  PhpParser,
  SameFileResolver,
  compareSpans,
  filterSuppressed,
  lowerPhp,
  parseSuppressions,
  syntaxProblems,
  type Finding,
  type InputError,
  type Rule,
  type RuleContext,
  type Severity,
  type SlowKind,
  type Unit,
  type UnitFlow,
} from '../../core/src';
import type { AnalysisResult, AnalyzerOptions, SourceFile } from './api';
import { phpNativeCatalog } from './catalog/php-native';
import { allRules, ruleIds } from './registry';

/** The wasm files the PHP parser needs; the host reads them (the engine does no I/O). */
export interface GrammarBytes {
  readonly treeSitterRuntime: Uint8Array;
  readonly php: Uint8Array;
}

export interface Analyzer {
  /** Never throws on any text: bad input becomes entries in `errors`. */
  analyzeFile(file: SourceFile): AnalysisResult;
}

/** Severity of each kind of slow work unless configured; `warning` follows the rule's own. */
const DEFAULT_KIND_SEVERITY: Record<SlowKind, 'info' | 'warning'> = {
  sleep: 'warning',
  polling: 'warning',
  http: 'warning',
  'remote-io': 'warning',
  mail: 'warning',
  ldap: 'warning',
  download: 'warning',
  process: 'warning',
  database: 'info',
  'file-io': 'info',
};

export async function createAnalyzer(grammar: GrammarBytes, options: AnalyzerOptions = {}): Promise<Analyzer> {
  const parser = await PhpParser.create(grammar);
  const enabled = allRules.flatMap((rule) => {
    const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    return setting === 'off' ? [] : [{ rule, severity: setting }];
  });
  return {
    analyzeFile(file: SourceFile): AnalysisResult {
      try {
        return analyzePhp(parser, file, enabled, options);
      } catch (error) {
        // A bug of ours must not take the editor or the CI run down with it.
        const detail = error instanceof Error ? error.message : String(error);
        return { findings: [], errors: [{ file: file.path, message: `internal error while analysing this file: ${detail}` }] };
      }
    },
  };
}

function analyzePhp(
  parser: PhpParser,
  file: SourceFile,
  rules: readonly { rule: Rule; severity: Severity }[],
  options: AnalyzerOptions,
): AnalysisResult {
  const lines = new LineIndex(file.text);
  const lineOf = (offset: number): number => lines.positionAt(offset).line + 1;
  const errors: InputError[] = [];
  const tree = parser.parse(file.text);
  let lowered;
  try {
    for (const problem of syntaxProblems(tree.rootNode)) {
      errors.push({
        file: file.path,
        message: `line ${lineOf(problem.start)}: syntax error, ${problem.message}; the rest of the file is still analysed`,
        span: { file: file.path, start: problem.start, end: problem.end },
      });
    }
    lowered = lowerPhp(tree.rootNode, file.path, file.text, phpNativeCatalog);
  } finally {
    tree.delete();
  }
  for (const problem of lowered.problems) {
    errors.push({ file: file.path, message: `line ${lineOf(problem.span.start)}: ${problem.message}`, span: problem.span });
  }

  const engine = new FlowEngine(new SameFileResolver([lowered.ir]), (_unit, offset) => lineOf(offset));
  const flows = new Map<Unit, UnitFlow>();
  const flowOf = (unit: Unit): UnitFlow => {
    let flow = flows.get(unit);
    if (!flow) {
      flow = engine.analyze(unit, phpNativeCatalog.sessionResource);
      flows.set(unit, flow);
    }
    return flow;
  };
  const findings: Finding[] = [];
  for (const { rule, severity } of rules) {
    if (!rule.meta.languages.includes('php')) continue;
    const context: RuleContext = {
      file: lowered.ir,
      flowOf,
      severity,
      slowKindSeverity: (kind) => {
        const configured = options.slowKinds?.[kind];
        if (configured !== undefined) return configured;
        return DEFAULT_KIND_SEVERITY[kind] === 'info' ? 'info' : severity;
      },
      lineOf,
      knownRuleIds: ruleIds,
    };
    findings.push(...rule.check(context));
  }
  const suppressions = parseSuppressions(lowered.ir, lineOf);
  const kept = filterSuppressed(findings, suppressions, lineOf);
  kept.sort((a, b) => compareSpans(a.span, b.span) || a.rule.localeCompare(b.rule));
  return { findings: dedupe(kept), errors };
}

/** The same finding twice (a `finally` block lowered once per exit path) is reported once. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.rule}:${finding.span.start}:${finding.span.end}:${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
