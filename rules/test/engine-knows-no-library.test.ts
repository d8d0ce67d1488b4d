import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { nodeCatalog } from '../src/catalog/node';

/**
 * The engine knows no library (issue 10, item 6): every Node module, class and decorator the
 * TypeScript lowering acts on comes from the catalog in `rules/src/catalog/`, which the engine
 * receives as data. So no string literal in `core/src` may be a module name or a class name
 * of that catalog: one that is would be a library written into the engine. The literals come
 * from the TypeScript parser (comments, which name libraries as examples, are not literals).
 */

function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'core', 'src', 'index.ts'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('core/src not found above ' + __dirname);
  }
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Module names (`module`, `modules`, `notModules`, the keys of `modules`) and class, decorator and loader names in the catalog. */
function catalogNames(catalog: unknown): { modules: Set<string>; names: Set<string> } {
  const modules = new Set<string>();
  const names = new Set<string>();
  const visit = (value: unknown, key: string | undefined): void => {
    if (typeof value === 'string') {
      if (key === 'module' || key === 'modules' || key === 'notModules') modules.add(value);
      else if ((key === 'className' || key === 'name') && /^[A-Z]/.test(value)) names.add(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
      return;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (key === 'modules' && !Array.isArray(value)) modules.add(k);
        visit(v, k);
      }
    }
  };
  visit(catalog, undefined);
  return { modules, names };
}

/** The engine's own vocabulary that a module name shares: the kind of slow work `'http'` (`core/src/ir/effects.ts`), not Node's `http` module. */
const ENGINE_WORDS = new Set(['http']);

function literals(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the engine knows no library', () => {
  it('the catalog names modules and classes (the test has something to look for)', () => {
    const { modules, names } = catalogNames(nodeCatalog);
    for (const module of ['pg', 'knex', '@prisma/client', 'async_hooks', 'express']) assert.ok(modules.has(module), module);
    for (const name of ['Pool', 'PrismaClient', 'AsyncLocalStorage', 'Transactional']) assert.ok(names.has(name), name);
  });

  it('no string literal in core/src is a module or class name of the Node catalog', () => {
    const { modules, names } = catalogNames(nodeCatalog);
    const offending: string[] = [];
    for (const file of tsFiles(path.join(repositoryRoot(), 'core', 'src'))) {
      for (const { text, line } of literals(file)) {
        if ((modules.has(text) && !ENGINE_WORDS.has(text)) || names.has(text)) offending.push(`${path.relative(repositoryRoot(), file)}:${line}: '${text}'`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it('finds a library name written as a literal (the check can fail)', () => {
    const { modules } = catalogNames(nodeCatalog);
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'engine-names-')), 'probe.ts');
    fs.writeFileSync(probe, "// 'pg' in a comment is fine\nconst isPool = (m: string) => m === 'pg';\n");
    assert.deepEqual(literals(probe).filter((l) => modules.has(l.text)), [{ text: 'pg', line: 2 }]);
  });
});
