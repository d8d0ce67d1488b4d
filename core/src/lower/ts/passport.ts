import * as ts from 'typescript';
import type { NodeCatalog, NodePassport } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { Effect } from '../../ir/effects';
import type { TsUnitContext } from './context';
import { resolveRef, type ImportRef } from './import-refs';
import type { PassportRegistration } from './module-links';
import { emitCallbackWrites } from './sessions';
import { unwrap } from './syntax';

/**
 * passport's custom-callback form inside a handler: `passport.authenticate('google', (err,
 * user) => { … req.session.user = user … })(req, res, next)`. The strategy registered as
 * `google` runs first; an OAuth or OpenID Connect strategy exchanges the callback's code for
 * tokens with the provider (a network round trip) and only then calls the callback. So the
 * call is slow work, and the callback runs after it: a session read before the call and
 * written in the callback is written from a copy loaded before the exchange.
 *
 * Which strategy a name runs is decided where it is registered, usually in another file:
 * `passport.use(new GoogleStrategy(opts, verify))` under the strategy's own name,
 * `passport.use('name', new X(…))` under the given one. The modules' pre-pass records each
 * file's registrations (`declaredStrategies`); a name is slow when every strategy registered
 * under it exchanges tokens (the catalog says which do: `NodeCatalog.passport`). A name
 * registered nowhere the analysis sees, or by a strategy the catalog does not list, is unknown
 * and stays as it was (not slow).
 *
 * passport ≥ 0.6's `req.logIn()` regenerates the session; writes in its callback go to the new
 * session, and that callback is not run here, so they are not taken as writes after the
 * exchange. The route-middleware form (`app.get(path, passport.authenticate('google'),
 * handler)`) runs the exchange before the handler starts: nothing of the handler is before it.
 */

/** `passport.use(new GoogleStrategy(…))`, `passport.use('corp', new OIDCStrategy(…))` in a file. */
export function declaredStrategies(source: ts.SourceFile, bindings: ReadonlyMap<string, ImportRef>, catalog: NodeCatalog): PassportRegistration[] {
  const passport = catalog.passport;
  if (!passport) return [];
  const found: PassportRegistration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const registration = registrationOf(passport, bindings, node);
      if (registration) found.push(registration);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function registrationOf(passport: NodePassport, bindings: ReadonlyMap<string, ImportRef>, node: ts.CallExpression): PassportRegistration | undefined {
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== passport.register || !isAuthenticator(passport, bindings, callee.expression)) return undefined;
  const [first, second] = node.arguments.map(unwrap);
  const given = first && ts.isStringLiteralLike(first) ? first.text : undefined;
  const made = given !== undefined ? second : first;
  if (!made || !ts.isNewExpression(made)) return undefined;
  const ref = resolveRef(bindings, made.expression);
  if (!ref || !passport.strategyExports.includes(ref.name)) return undefined;
  const strategy = passport.strategies.find((entry) => entry.modules.includes(ref.module));
  return strategy ? { name: given ?? strategy.name, exchange: strategy.exchange, module: ref.module } : undefined;
}

/** `passport` as imported (`import passport from 'passport'`, `require('passport')`). */
function isAuthenticator(passport: NodePassport, bindings: ReadonlyMap<string, ImportRef>, node: ts.Expression): boolean {
  const ref = resolveRef(bindings, node);
  return ref !== undefined && passport.modules.includes(ref.module) && (ref.name === 'default' || ref.name === '*');
}

/** Registrations of the file itself, when the run has no modules' pre-pass (a single file). */
const ownRegistrations = new WeakMap<ts.SourceFile, PassportRegistration[]>();

/**
 * `passport.authenticate('google', callback)(req, res, next)`: the exchange, then the call of
 * its callback and the callback's writes to this unit's session; undefined for any other call.
 */
export function lowerPassportExchange(ctx: TsUnitContext, node: ts.CallExpression, cursor: Cursor): Cursor | undefined {
  const effects = passportExchange(ctx, node);
  if (effects.length === 0) return undefined;
  const after = effects.reduce((at, effect) => ctx.emit(at, effect), cursor);
  const callback = (unwrap(node.expression) as ts.CallExpression).arguments.map(unwrap).find(isCallback);
  return callback ? emitCallbackWrites(ctx, callback, after) : after;
}

function isCallback(node: ts.Expression): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** The exchange and the call of its callback, as effects; empty for any other call. */
function passportExchange(ctx: TsUnitContext, node: ts.CallExpression): Effect[] {
  const passport = ctx.catalog.passport;
  const inner = unwrap(node.expression);
  if (!passport || !ts.isCallExpression(inner)) return [];
  const callee = unwrap(inner.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== passport.authenticate) return [];
  const { bindings } = ctx.facts.imports;
  if (!isAuthenticator(passport, bindings, callee.expression)) return [];
  const [first] = inner.arguments.map(unwrap);
  if (!first || !ts.isStringLiteralLike(first)) return [];
  const registered = registrationsNamed(ctx, first.text);
  if (registered.length === 0 || !registered.every((r) => r.exchange)) return [];
  const display = `${ctx.text(callee)}('${first.text}')`;
  const span = ctx.span(node);
  const effects: Effect[] = [{ kind: 'slow', slowKind: 'http', callee: display, detail: `(${registered[0]!.module}'s token exchange)`, span }];
  const callback = inner.arguments.map(unwrap).find(isCallback);
  if (callback) {
    effects.push({ kind: 'call', target: { type: 'closure', file: ctx.facts.file, start: callback.getStart(ctx.facts.source) }, display: `the \`${ctx.text(callee)}()\` callback`, span: ctx.span(callback) });
  }
  return effects;
}

function registrationsNamed(ctx: TsUnitContext, name: string): readonly PassportRegistration[] {
  const links = ctx.facts.imports.modules;
  if (links?.strategiesNamed) return links.strategiesNamed(name);
  let own = ownRegistrations.get(ctx.facts.source);
  if (!own) ownRegistrations.set(ctx.facts.source, (own = declaredStrategies(ctx.facts.source, ctx.facts.imports.bindings, ctx.catalog)));
  return own.filter((r) => r.name === name);
}
