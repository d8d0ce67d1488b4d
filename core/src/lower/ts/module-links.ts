import type * as ts from 'typescript';
import type { NodeHeldResource, NodeSlowClient } from '../../catalog';
import type { CallTarget } from '../../ir/effects';

/**
 * What the file being lowered can ask about the other modules of its project (answered by
 * `TsProjectModules` in `module-exports.ts`): its own shape, so that the import facts can
 * carry it without depending on how it is worked out.
 */

/** What a value of the project is, as far as the analysis cares. */
export type ModuleValue =
  /** An instance that hands out a lock-bearing resource (`new Pool()`, `knex(config)`). */
  | { readonly kind: 'holder'; readonly entry: NodeHeldResource }
  /** An SDK client whose calls are slow (`new S3Client()`). */
  | { readonly kind: 'client'; readonly entry: NodeSlowClient }
  /**
   * Project code to call: a function declaration, an arrow function, a method of an object
   * literal; with its declaration, so that what it returns is known (`getPool()`).
   */
  | { readonly kind: 'function'; readonly target: CallTarget; readonly declaration?: FunctionSite }
  /** A project class (`ts:<file>#<Name>`, as the lowering names it). */
  | { readonly kind: 'class'; readonly name: string }
  /** An instance of a project class. */
  | { readonly kind: 'instance'; readonly className: string }
  /**
   * A value typed with a project interface or abstract class (type-aware): one of the
   * project's classes that implement it, whichever the container injected.
   */
  | { readonly kind: 'implementations'; readonly classNames: readonly string[] }
  /**
   * A function-valued property set in a constructor from its options, to which the project's
   * `new` sites give different functions (`new PaymentMethodHandler({ createPayment: … })`).
   */
  | { readonly kind: 'configured'; readonly targets: readonly CallTarget[] }
  /** An object literal, whose properties are looked up when used. */
  | { readonly kind: 'object'; readonly file: string; readonly node: ts.ObjectLiteralExpression }
  /** A module of the project as an object (`require('./db')`, `import * as db`). */
  | { readonly kind: 'module'; readonly file: string };

/** A function of the project and the file it is in. */
export interface FunctionSite {
  readonly file: string;
  readonly node: ts.FunctionLikeDeclaration;
}

/** Type-aware mode: the project class a value's type is an instance of (`billing: BillingService`). */
export interface ProjectClassTypes {
  projectClassOf(node: ts.Expression): string | undefined;
  /**
   * The project interface a value's type is (`provider: IPaymentProvider`, declared in a
   * project source file), by its name; undefined for anything else.
   */
  projectInterfaceOf?(node: ts.Expression): string | undefined;
}

/** What the file being lowered can ask about the project's modules. */
export interface ModuleLinks {
  /** What an expression of this file is, followed across modules; undefined when unknown. */
  valueOf(expr: ts.Expression): ModuleValue | undefined;
  /** A project class (or a project class it extends) declares this member itself. */
  declares(className: string, member: string): boolean;
  /** The method with a body a project class (or a project class it extends) declares under this name. */
  methodOf?(className: string, member: string): FunctionSite | undefined;
  /**
   * A project function of another module that returns a freshly acquired resource
   * (`export async function getClient() { return pool.connect(); }`): the holder's entry and
   * the acquiring call as written there.
   */
  acquiredBy(callee: ts.Expression): { readonly entry: NodeHeldResource; readonly api: string } | undefined;
  /** The project's listener methods of an event, in file order (`@OnEvent('order.paid')`). */
  listenersOf(event: string): readonly EventListener[];
  /** The passport strategies the project registers under a name (`passport.use(new GoogleStrategy(…))`). */
  strategiesNamed?(name: string): readonly PassportRegistration[];
  /**
   * The interceptors a method's decorators (or its class's) run it through, each where its
   * `intercept()` runs the method inside a callback it passes to a project helper
   * (`interceptors.ts`).
   */
  interceptionsOf?(method: ts.MethodDeclaration): readonly Interception[];
}

/**
 * `@Transaction()` on a method, defined as `applyDecorators(…, UseInterceptors(TransactionInterceptor))`,
 * whose `intercept()` calls `next.handle()` inside a callback it passes to
 * `this.transactionWrapper.executeInTransaction()`: the method runs inside that helper, holding
 * whatever the helper holds while it runs its callbacks (which only its lowering tells).
 */
export interface Interception {
  /** The decorator as written on the method or class: `@Transaction()`. */
  readonly decorator: ts.Decorator;
  /** `TransactionInterceptor.intercept()`. */
  readonly interceptor: string;
  /** The helper's unit: its file and the id its lowering gives it (`method:TransactionWrapper::executeInTransaction`). */
  readonly helper: { readonly file: string; readonly unit: string };
  /** The helper's call in the interceptor, as written (`this.transactionWrapper.executeInTransaction()`). */
  readonly helperCall: string;
}

/** A strategy registered in a file: the name `authenticate()` finds it by. */
export interface PassportRegistration {
  readonly name: string;
  /** Its `authenticate()` talks to the provider (from the catalog). */
  readonly exchange: boolean;
  /** The strategy's module, for messages. */
  readonly module: string;
}

/** A listener method of the project (`@OnEvent('order.paid') onPaid()`): its class as the lowering names it. */
export interface EventListener {
  readonly event: string;
  readonly className: string;
  readonly method: string;
  /** How messages name it: `OrderListener.onPaid()`. */
  readonly display: string;
}
