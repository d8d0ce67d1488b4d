// Reads a V8 CPU profile of the bundled CLI (`node --cpu-prof --cpu-prof-dir=DIR
// cli/out/session-lint.js check … --jobs 1`) and says where the time went, by the project's own
// source files (frames are mapped back through the bundle's source map): self time per source
// file and per function, and, with --under NAME, the time below each frame named NAME split by
// its callees (NAME@FILE picks one of several frames of that name: `--under
// analyzeProject@project-analysis.ts` gives the phases: declarations, lowering, flow, rules).
// Usage: node tools/profile-summary.mjs PROFILE [--map cli/out/session-lint.js.map] [--top N] [--under NAME[@FILE] [--depth D]]
// Samples are wall-clock intervals: on a loaded machine read the shares, not the seconds.
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args.splice(at, 2)[1];
};
const mapPath = option('--map', new URL('../cli/out/session-lint.js.map', import.meta.url).pathname);
const top = Number(option('--top', '30'));
const under = option('--under', undefined);
const depth = Number(option('--depth', '1'));
const [profilePath] = args;
const [underName, underFile] = under === undefined ? [] : under.split('@');
if (!profilePath) {
  console.error('usage: node tools/profile-summary.mjs PROFILE [--map MAP] [--top N] [--under NAME [--depth D]]');
  process.exit(2);
}

const profile = JSON.parse(fs.readFileSync(profilePath, 'utf8'));
const sourceMap = new SourceMap(JSON.parse(fs.readFileSync(mapPath, 'utf8')));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

/** The source file a frame's code comes from: the project's, a package's, or V8's own. */
const sources = new Map();
function sourceOf(node) {
  if (sources.has(node.id)) return sources.get(node.id);
  const { url, lineNumber, columnNumber, functionName } = node.callFrame;
  let source = url ? url.replace(/.*\//, '') : `(${functionName})`;
  if (url.endsWith('session-lint.js')) {
    const entry = sourceMap.findEntry(lineNumber, columnNumber);
    source = (entry.originalSource ?? '?').replace(/.*\/(core|rules|cli|server)\/src\//, '$1/').replace(/.*node_modules\//, '');
  }
  sources.set(node.id, source);
  return source;
}

// Milliseconds per sampled node (a sample lasts until the next one).
const timeOf = new Map();
profile.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
const total = [...timeOf.values()].reduce((a, b) => a + b, 0);
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
const stackOf = (id) => {
  const stack = [];
  for (let at = id; at !== undefined; at = parentOf.get(at)) stack.push(nodes.get(at));
  return stack.reverse();
};

const selfByFile = new Map();
const selfByFunction = new Map();
const below = new Map();
let belowTotal = 0;
for (const [id, ms] of timeOf) {
  const node = nodes.get(id);
  add(selfByFile, sourceOf(node), ms);
  add(selfByFunction, `${node.callFrame.functionName || '(anonymous)'} ${sourceOf(node)}`, ms);
  if (under === undefined) continue;
  const stack = stackOf(id);
  const at = stack.findIndex((frame) => frame.callFrame.functionName === underName && (underFile === undefined || sourceOf(frame).includes(underFile)));
  if (at === -1) continue;
  belowTotal += ms;
  const path = stack.slice(at + 1, at + 1 + depth).map((frame) => `${frame.callFrame.functionName || '(anonymous)'} (${sourceOf(frame)})`);
  add(below, path.join(' > ') || '(itself)', ms);
}

const show = (title, map, sum) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(ms / 1000).toFixed(1).padStart(8)} s ${((100 * ms) / sum).toFixed(1).padStart(5)} %  ${key}`);
  }
};
console.log(`${(total / 1000).toFixed(1)} s sampled`);
show('self time by source file', selfByFile, total);
show('self time by function', selfByFunction, total);
if (under !== undefined) show(`below ${under} (${(belowTotal / 1000).toFixed(1)} s)`, below, belowTotal);
