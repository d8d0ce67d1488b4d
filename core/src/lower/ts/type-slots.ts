import * as ts from 'typescript';

/**
 * Configured implementations made as object literals (type-aware). A factory the user's
 * configuration passes returns an object literal whose functions do the work
 * (`resendAdapter()` returns `() => ({ name, sendEmail: async (m) => fetch(…) })`, typed
 * `EmailAdapter`), and the core calls `email.sendEmail(…)` on a value typed with that object
 * type. There is no class to enumerate: what ties the call to its implementations is the
 * member declaration both sides resolve to, `sendEmail` of the object type written inline in
 * the project (`EmailAdapter`'s return type). That declaration is the *slot*; the checker
 * gives it for the called property (the receiver's type) and for each object literal's
 * property (its contextual type), in whichever project of a monorepo each is lowered, and the
 * key names the declaration by file and position so the two meet in the flow's resolver.
 *
 * Only members of type literals count: an interface's members can also be implemented by
 * classes, which the `implementations` target covers and no object-literal index would see.
 */

/** The one declaration of a member of an inline object type in a project source file. */
function slotDeclaration(symbol: ts.Symbol | undefined): ts.PropertySignature | ts.MethodSignature | undefined {
  const declarations = symbol?.declarations ?? [];
  if (declarations.length !== 1) return undefined;
  const declaration = declarations[0]!;
  if (!ts.isPropertySignature(declaration) && !ts.isMethodSignature(declaration)) return undefined;
  if (!ts.isTypeLiteralNode(declaration.parent)) return undefined;
  return declaration.getSourceFile().isDeclarationFile ? undefined : declaration;
}

function keyOf(declaration: ts.Node): string {
  const source = declaration.getSourceFile();
  return `ts-slot:${source.fileName}@${declaration.getStart(source)}`;
}

/** `email.sendEmail(…)`: the slot of the receiver's type the call runs. */
export function calledSlot(checker: ts.TypeChecker, callee: ts.PropertyAccessExpression): string | undefined {
  const declaration = slotDeclaration(checker.getSymbolAtLocation(callee.name));
  return declaration ? keyOf(declaration) : undefined;
}

/** `sendEmail: async (m) => …` in an object literal typed by its context with the slot's type. */
export function filledSlot(checker: ts.TypeChecker, property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
  if (name === undefined || !ts.isObjectLiteralExpression(property.parent)) return undefined;
  const contextual = checker.getContextualType(property.parent);
  const declaration = slotDeclaration(contextual ? contextualProperty(contextual, name) : undefined);
  return declaration ? keyOf(declaration) : undefined;
}

/**
 * The member a literal's property fills. An `async` function's returned literal is typed by
 * its context as `T | PromiseLike<T>` (logto's `CreateConnector<T>` returns `Promise<T>`): a
 * union has only the members all its types share, so the member is looked up in each, and
 * taken when the types that have one agree on it.
 */
function contextualProperty(contextual: ts.Type, name: string): ts.Symbol | undefined {
  if (!contextual.isUnion()) return contextual.getProperty(name);
  const found = new Set(contextual.types.map((type) => type.getProperty(name)).filter((symbol): symbol is ts.Symbol => symbol !== undefined));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * TypeScript's utility types and `Promise`, which the type-aware program (built without the
 * standard library, for speed) otherwise cannot resolve: `ReturnType<EmailAdapter>` is how
 * payload names its initialised adapter; `await` of a call declared `Promise<{ handler:
 * Handler }>` (vendure's `getMethodAndOperations()`) and the object an `async` factory returns
 * (its contextual type is the awaited one: logto's connectors) are typed only through
 * `Promise`'s `then`. Declared as in `lib.es5.d.ts`, as a global script, but with
 * `(...args: never)` for "any function": without the library there is no global `Array`, and a
 * rest parameter typed `any` then matches nothing. Constraints are left out (they only report
 * errors, which nobody reads here).
 */
export const UTILITY_TYPES_FILE = '/__session-lint__/utility-types.d.ts';
export const UTILITY_TYPES = `
type Partial<T> = { [P in keyof T]?: T[P] };
type Required<T> = { [P in keyof T]-?: T[P] };
type Readonly<T> = { readonly [P in keyof T]: T[P] };
type Pick<T, K extends keyof T> = { [P in K]: T[P] };
type Record<K extends keyof any, T> = { [P in K]: T };
type Exclude<T, U> = T extends U ? never : T;
type Extract<T, U> = T extends U ? T : never;
type Omit<T, K extends keyof any> = { [P in Exclude<keyof T, K>]: T[P] };
type NonNullable<T> = T & {};
type Parameters<T> = T extends (...args: infer P) => any ? P : never;
type ConstructorParameters<T> = T extends abstract new (...args: infer P) => any ? P : never;
type ReturnType<T> = T extends (...args: never) => infer R ? R : any;
type InstanceType<T> = T extends abstract new (...args: never) => infer R ? R : any;
type Awaited<T> = T extends null | undefined ? T : T extends object & { then(onfulfilled: infer F, ...args: infer _): any } ? F extends (value: infer V, ...args: infer _) => any ? Awaited<V> : never : T;
interface PromiseLike<T> {
  then<TResult1 = T, TResult2 = never>(onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | undefined | null, onrejected?: ((reason: any) => TResult2 | PromiseLike<TResult2>) | undefined | null): PromiseLike<TResult1 | TResult2>;
}
interface Promise<T> {
  then<TResult1 = T, TResult2 = never>(onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | undefined | null, onrejected?: ((reason: any) => TResult2 | PromiseLike<TResult2>) | undefined | null): Promise<TResult1 | TResult2>;
  catch<TResult = never>(onrejected?: ((reason: any) => TResult | PromiseLike<TResult>) | undefined | null): Promise<T | TResult>;
  finally(onfinally?: (() => void) | undefined | null): Promise<T>;
}
interface PromiseConstructor {
  new <T>(executor: (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: any) => void) => void): Promise<T>;
  resolve<T>(value: T): Promise<Awaited<T>>;
  reject<T = never>(reason?: any): Promise<T>;
}
declare var Promise: PromiseConstructor;
`;
