import { createAnalyzer, type Analyzer } from '../../../rules/src/analyzer';
import { loadGrammarBytes } from '../../../rules/src/node-runtime';
import type { AnalyzerSource } from './run-job';

/** Analyzers kept for the last few option sets (one per configuration in use); older ones are dropped. */
const KEPT = 4;

export function analyzerCache(): AnalyzerSource {
  const kept = new Map<string, Promise<Analyzer>>();
  let grammar: ReturnType<typeof loadGrammarBytes> | undefined;
  return (options) => {
    const key = JSON.stringify(options);
    let analyzer = kept.get(key);
    if (analyzer) {
      kept.delete(key); // re-inserted below: the map's order is the order of last use
    } else {
      grammar ??= loadGrammarBytes();
      analyzer = grammar.then((bytes) => createAnalyzer(bytes, options));
      analyzer.catch(() => kept.delete(key)); // a failed load is retried next time
    }
    kept.set(key, analyzer);
    while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    return analyzer;
  };
}
