import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowEngine, LineIndex, argumentsPassedByCallers, PhpParser, SameFileResolver, joinStates, lowerPhp, verdict, type Unit } from '../../core/src';
import { phpNativeCatalog } from '../src/catalog/php-native';
import { loadGrammarBytes } from '../src/node-runtime';
import { fixtureFiles, fixturesRoot } from './support';

/**
 * Dataflow probes, independent of any rule: `// @state: open|closed|maybe-open` on a line
 * gives the session state just before the first effect on that line, in the innermost unit
 * containing it (every unit entered with the session closed).
 */
const PROBE = '@state:';

describe('engine state probes', () => {
  let parser: PhpParser;
  before(async () => {
    parser = await PhpParser.create(await loadGrammarBytes());
  });

  for (const file of fixtureFiles(path.join(fixturesRoot, 'engine'))) {
    it(path.basename(file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const lines = new LineIndex(text);
      const tree = parser.parse(text);
      const { ir } = lowerPhp(tree.rootNode, file, text, phpNativeCatalog);
      tree.delete();
      const resolver = new SameFileResolver([ir]);
      // As in the project analysis: parameters whose default every caller keeps.
      const passed = argumentsPassedByCallers([ir], resolver);
      const engine = new FlowEngine(resolver, (_u, offset) => lines.positionAt(offset).line + 1, (unit) => passed.get(unit));
      const flows = new Map(ir.units.map((unit) => [unit, engine.analyze(unit, phpNativeCatalog.sessionResource)]));

      const probes = text.split(/\r\n|\r|\n/).flatMap((lineText, index) => {
        const at = lineText.indexOf(PROBE);
        return at === -1 ? [] : [{ line: index + 1, expected: lineText.slice(at + PROBE.length).trim().split(/\s/)[0]! }];
      });
      assert.ok(probes.length > 0, 'an engine fixture needs at least one probe');
      const actual: string[] = [];
      for (const probe of probes) actual.push(`${probe.line}: ${stateAtLine(ir.units, flows, lines, probe.line)}`);
      assert.equal(actual.join('\n'), probes.map((p) => `${p.line}: ${p.expected}`).join('\n'));
    });
  }
});

function stateAtLine(
  units: readonly Unit[],
  flows: Map<Unit, ReturnType<FlowEngine['analyze']>>,
  lines: LineIndex,
  line: number,
): string {
  // The innermost unit with an effect on this line: the smallest span wins.
  const candidates = units
    .map((unit) => {
      const nodes = unit.cfg.nodes.filter((n) => n.effect && lines.positionAt(n.effect.span.start).line + 1 === line);
      nodes.sort((a, b) => a.effect!.span.start - b.effect!.span.start);
      return { unit, node: nodes[0] };
    })
    .filter((c) => c.node !== undefined)
    .sort((a, b) => a.unit.span.end - a.unit.span.start - (b.unit.span.end - b.unit.span.start));
  const best = candidates[0];
  if (!best) return 'no effect on this line (put the probe on a call)';
  // A `finally` block is lowered once per way into it: the probe sees all copies joined.
  const start = best.node!.effect!.span.start;
  const copies = best.unit.cfg.nodes.filter((n) => n.effect?.span.start === start && n.effect.kind === best.node!.effect!.kind);
  const flow = flows.get(best.unit)!;
  const state = joinStates(copies.flatMap((n) => (flow.states[n.id] ? [flow.states[n.id]!] : [])));
  return state ? verdict(state) : 'unreachable';
}
