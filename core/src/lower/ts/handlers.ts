import * as ts from 'typescript';
import type { NodeRequestHandlers } from '../../catalog';
import type { ImportFacts } from './imports';
import { unwrap } from './syntax';

/**
 * Request-handler discovery, from syntax, with the frameworks' shapes from the catalog
 * (`NodeRequestHandlers`): route callbacks (`app.get('/x', …)`), file-system routes (an
 * exported `GET` in `app/**\/route.ts`, a default export in `pages/api/**`), controller
 * methods (`@Get()` in a `@Controller()` class). A handler runs once per request, so slow work
 * in it costs every request; messages say so.
 */

/** The server framework the file imports (express, koa, fastify), if any. */
export function serverFramework(web: NodeRequestHandlers, imports: ImportFacts): string | undefined {
  const modules = new Set([...imports.bindings.values()].map((ref) => ref.module));
  return web.servers.find((f) => f.modules.some((m) => modules.has(m)))?.name;
}

/** What kind of request handler `node` is (for messages), or undefined when it is none (or the catalog knows no framework). */
export function handlerOf(web: NodeRequestHandlers | undefined, node: ts.Node, file: string, source: ts.SourceFile, imports: ImportFacts): string | undefined {
  if (!web || !ts.isFunctionLike(node)) return undefined;
  return routeCallback(web, node, imports) ?? fileRoute(web, node, file) ?? controllerMethod(web, node) ?? namedRoute(web, node, source, imports);
}

/** Per file: names of functions passed to a route (`app.get('/x', getUser)`), with what they are. */
const namedRoutes = new WeakMap<ts.SourceFile, Map<string, string>>();

/** `function getUser(req, res) {…}` (or `const getUser = async (req, res) => …`) passed by name to a route. */
function namedRoute(web: NodeRequestHandlers, node: ts.Node, source: ts.SourceFile, imports: ImportFacts): string | undefined {
  const name = ts.isFunctionDeclaration(node) ? node.name?.text : boundName(node);
  if (name === undefined) return undefined;
  let routes = namedRoutes.get(source);
  if (!routes) {
    const found = new Map<string, string>();
    const visit = (child: ts.Node): void => {
      if (ts.isCallExpression(child)) {
        // By name, only after a path (`app.get('/x', getUser)`), or as `app.use(fn)`'s argument.
        const first = child.arguments[0] ? unwrap(child.arguments[0]) : undefined;
        const hasPath = first !== undefined && ts.isStringLiteralLike(first);
        const last = child.arguments[child.arguments.length - 1];
        const callee = unwrap(child.expression);
        const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        const receiver = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
        const chained = receiver !== undefined && ts.isCallExpression(receiver) && routePath(web, receiver) !== undefined;
        const routeLike = hasPath || method === web.middlewareMethod || chained;
        if (!routeLike) {
          ts.forEachChild(child, visit);
          return;
        }
        for (const arg of child.arguments.slice(hasPath ? 1 : 0)) {
          const value = unwrap(arg);
          if (ts.isIdentifier(value) && !found.has(value.text)) {
            const described = describeRoute(web, child, imports);
            // Before the last argument: route middleware (`app.post('/x', auth, save)`).
            if (described) found.set(value.text, arg === last ? described : described.replace(' route handler ', ' middleware '));
          }
        }
      }
      ts.forEachChild(child, visit);
    };
    visit(source);
    routes = found;
    namedRoutes.set(source, routes);
  }
  return routes.get(name);
}

/** `app.get('/x', auth, async (req, res) => …)`, `router.post(…)`, `fastify.get(…)`, `router.route('/x').get(…)`. */
function routeCallback(web: NodeRequestHandlers, node: ts.Node, imports: ImportFacts): string | undefined {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return undefined;
  const call = node.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(node as ts.Expression)) return undefined;
  return describeRoute(web, call, imports);
}

/** What a callback passed to this call is: `express route handler for GET /x`, or undefined when the call is no route. */
function describeRoute(web: NodeRequestHandlers, call: ts.CallExpression, imports: ImportFacts): string | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  if (method !== web.middlewareMethod && !web.routeMethods.includes(method)) return undefined;
  const framework = serverFramework(web, imports);
  const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  const path = first && ts.isStringLiteralLike(first) ? first.text : undefined;
  const chained = ts.isCallExpression(unwrap(callee.expression)) ? routePath(web, unwrap(callee.expression) as ts.CallExpression) : undefined;
  // A path argument (or `route('/x')`) makes it a route; without one, only in a server file.
  if (path === undefined && chained === undefined && framework === undefined) return undefined;
  // `app.get('setting')` (express settings) has no callback: here there is one, so it is a route.
  const name = framework ?? web.defaultServer;
  if (method === web.middlewareMethod) return `${name} middleware`;
  const where = path ?? chained;
  return `${name} route handler for ${method.toUpperCase()}${where !== undefined ? ` ${where}` : ''}`;
}

function routePath(web: NodeRequestHandlers, call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== web.pathMethod) return undefined;
  const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  return first && ts.isStringLiteralLike(first) ? first.text : undefined;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function isDefaultExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** A file-system route of the catalog (`export async function GET(request)` in `app/**\/route.ts`, a default export in `pages/api/**`). */
function fileRoute(web: NodeRequestHandlers, node: ts.Node, file: string): string | undefined {
  for (const router of web.fileRoutes) {
    const found = fileRouteOf(router, node, file);
    if (found) return found;
  }
  return undefined;
}

function fileRouteOf(router: NodeRequestHandlers['fileRoutes'][number], node: ts.Node, file: string): string | undefined {
  const path = file.replace(/\\/g, '/');
  const segments = path.split('/');
  const base = segments[segments.length - 1] ?? '';
  const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
  const byMethod = router.methodExports;
  const inApp = byMethod !== undefined && segments.includes(byMethod.folder) && stem === byMethod.stem;
  const byDefault = router.defaultExport;
  const inPagesApi = byDefault !== undefined && underFolders(segments, byDefault.folders);
  if (!inApp && !inPagesApi) return undefined;
  const defaultLabel = `${router.name} ${byDefault?.label ?? ''}`;
  // Only top-level declarations.
  const statement = ts.isFunctionDeclaration(node) ? node : declarationStatement(node);
  if (!statement || !ts.isSourceFile(statement.parent)) {
    if (inPagesApi && isDefaultExportValue(node)) return defaultLabel;
    return undefined;
  }
  const name = ts.isFunctionDeclaration(node) ? node.name?.text : boundName(node);
  if (inApp && isExported(statement) && name !== undefined && byMethod.methods.includes(name)) return `${router.name} route handler for ${name}`;
  if (inPagesApi) {
    if (ts.isFunctionDeclaration(node) && isExported(node) && isDefaultExported(node)) return defaultLabel;
    if (name !== undefined && defaultExportName(node.getSourceFile()) === name) return defaultLabel;
  }
  return undefined;
}

/** The first segment named like the last of `folders` comes right after the others (`pages/api`). */
function underFolders(segments: readonly string[], folders: readonly string[]): boolean {
  const last = folders[folders.length - 1];
  if (last === undefined) return false;
  const at = segments.indexOf(last);
  const first = at - (folders.length - 1);
  return at >= 0 && first >= 0 && folders.every((folder, k) => segments[first + k] === folder);
}

/** `export default async (req, res) => …`. */
function isDefaultExportValue(node: ts.Node): boolean {
  const parent = node.parent;
  return parent !== undefined && ts.isExportAssignment(parent) && !parent.isExportEquals && unwrap(parent.expression) === node;
}

/** `export default handler;` → `handler`. */
function defaultExportName(source: ts.SourceFile): string | undefined {
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      const value = unwrap(statement.expression);
      if (ts.isIdentifier(value)) return value.text;
      // `export default withSession(handler)`.
      if (ts.isCallExpression(value)) {
        const arg = value.arguments[0] ? unwrap(value.arguments[0]) : undefined;
        if (arg && ts.isIdentifier(arg)) return arg.text;
      }
    }
  }
  return undefined;
}

/** `const GET = async () => …` → the variable statement. */
function declarationStatement(node: ts.Node): ts.VariableStatement | undefined {
  const declaration = node.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer !== node) return undefined;
  const statement = declaration.parent?.parent;
  return statement && ts.isVariableStatement(statement) ? statement : undefined;
}

function boundName(node: ts.Node): string | undefined {
  const declaration = node.parent;
  return declaration && ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
}

function decoratorName(decorator: ts.Decorator): string | undefined {
  const expr = unwrap(decorator.expression);
  const callee = ts.isCallExpression(expr) ? unwrap(expr.expression) : expr;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** `@Get(':id') async find()` in a `@Controller()` class. */
function controllerMethod(web: NodeRequestHandlers, node: ts.Node): string | undefined {
  if (!ts.isMethodDeclaration(node)) return undefined;
  const cls = node.parent;
  if (!cls || !ts.isClassDeclaration(cls)) return undefined;
  const classDecorators = (ts.getDecorators(cls) ?? []).map(decoratorName);
  for (const controllers of web.controllers) {
    if (!classDecorators.includes(controllers.classDecorator)) continue;
    const route = (ts.getDecorators(node) ?? []).map(decoratorName).find((name) => name !== undefined && controllers.methodDecorators.includes(name));
    if (route) return `${controllers.name} controller method for ${route.toUpperCase()}`;
  }
  return undefined;
}
