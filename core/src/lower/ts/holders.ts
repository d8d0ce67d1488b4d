import * as ts from 'typescript';
import { heldResourceModules, type NodeHeldResource } from '../../catalog';
import type { TsFileFacts, TsUnitContext } from './context';
import { factoryHolder } from './factories';
import { sharedHolder } from './module-exports';
import { resolveRef } from './import-refs';
import { unwrap } from './syntax';

/**
 * Values that hand out held resources (a pool, a database client, a lock module), as this
 * file sees them: by syntax (`new Pool()` in a variable or `this.` property, an imported lock
 * module), through a two-step factory, through another module of the project, or, type-aware,
 * by the checker's type (`constructor(private readonly pool: Pool)`).
 */

/**
 * A value this unit already tracks: a variable holding a resource it acquired, or a holder
 * (a pool, a database client) that hands resources out.
 */
export function isTrackedValue(ctx: TsUnitContext, receiver: ts.Expression): boolean {
  const expr = unwrap(receiver);
  return (ts.isIdentifier(expr) && ctx.held.has(expr.text)) || holderIn(ctx.facts, expr) !== undefined;
}

/** The holder entry of a value that hands out resources (`pool`, `this.prisma`, typed `db: Knex`). */
export function holderEntryOf(ctx: TsUnitContext, receiver: ts.Expression): NodeHeldResource | undefined {
  return holderIn(ctx.facts, receiver);
}

/** The same, for a file's facts (before any unit is lowered). */
export function holderIn(facts: TsFileFacts, receiver: ts.Expression): NodeHeldResource | undefined {
  const found = holderBySyntax(facts, receiver) ?? factoryHolder(facts, receiver);
  if (found || !facts.types) return found;
  const expr = unwrap(receiver);
  if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr) && expr.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  // Type-aware: `constructor(private readonly pool: Pool)`, `prisma: PrismaService`.
  const ref = facts.types.classOf(expr);
  return ref ? facts.catalog.heldResources.find((entry) => entry.made !== 'module' && entry.className === ref.name && heldResourceModules(entry).includes(ref.module)) : undefined;
}

function holderBySyntax(facts: TsFileFacts, receiver: ts.Expression): NodeHeldResource | undefined {
  const { poolVariables, poolProperties, bindings } = facts.imports;
  const expr = unwrap(receiver);
  if (ts.isIdentifier(expr)) {
    const variable = poolVariables.get(expr.text);
    if (variable) return variable;
    const ref = bindings.get(expr.text);
    const module = ref && (ref.name === 'default' || ref.name === '*') ? facts.catalog.heldResources.find((entry) => entry.made === 'module' && heldResourceModules(entry).includes(ref.module)) : undefined;
    if (module) return module;
  } else if (ts.isPropertyAccessExpression(expr) && expr.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const property = poolProperties.get(expr.name.text);
    if (property) return property;
  } else if (expr.kind === ts.SyntaxKind.ThisKeyword) {
    // A service that extends the client (`class PrismaService extends PrismaClient` wrapping
    // `this.$transaction(fn)`): `this` hands out what its library base class does.
    return inheritedHolder(facts, expr);
  } else if (!ts.isPropertyAccessExpression(expr) && !ts.isCallExpression(expr)) {
    return undefined;
  }
  // A pool shared by another module of the project: `import { pool } from '../db'`,
  // `const db = require('../data/db'); db.knex.transaction(…)`, `this.db.pool`, `getPool()`.
  return sharedHolder(facts.imports.modules, expr);
}

/**
 * The holder entry of the library class that the class around `this` extends, by the file's
 * imports (`import { PrismaClient } from '@prisma/client'`). A `this` inside a `function`
 * is not the class's; a base that is a project class is left to the type-aware mode.
 */
function inheritedHolder(facts: TsFileFacts, self: ts.Node): NodeHeldResource | undefined {
  let current: ts.Node | undefined = self.parent;
  while (current && !ts.isClassLike(current)) {
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
    current = current.parent;
  }
  const base = current?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  const ref = base && resolveRef(facts.imports.bindings, base);
  if (!ref) return undefined;
  const name = ref.name === 'default' || ref.name === '*' ? (ts.isPropertyAccessExpression(base) ? base.name.text : ref.name) : ref.name;
  return facts.catalog.heldResources.find((entry) => entry.made !== 'module' && entry.made !== 'call' && entry.className === name && heldResourceModules(entry).includes(ref.module));
}
