import type { CallTarget } from '../../ir/effects';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { typeOf } from './types';

/**
 * `$settings->auth->login(…)` where the class of `$settings` builds `$this->auth` with
 * `new $alib(…)` and `$alib = "phpvbAuth{$this->authLib}"` (phpVirtualBox's configured
 * authentication module): the object is one of the project's classes whose names start with
 * `phpvbauth`, whatever a docblock says of the property (`@var phpvbAuth`, the interface), and
 * which one is configuration. The call is a dispatch over those classes' `login` methods
 * (`dispatch` target, resolved by the flow as for `call_user_func([$this->controller, $a])`):
 * only what all of them do counts at the call, and each runs with the caller's lock.
 */
export function constructedPropertyDispatch(ctx: UnitContext, receiver: SyntaxNode, method: string): CallTarget | undefined {
  if (receiver.type !== 'member_access_expression' && receiver.type !== 'nullsafe_member_access_expression') return undefined;
  const property = receiver.childForFieldName('name');
  if (property?.type !== 'name') return undefined;
  const owner = typeOf(ctx, receiver.childForFieldName('object'));
  const prefixes = owner ? ctx.facts.symbols.propertyClassPrefixes(owner, property.text) : undefined;
  if (!prefixes) return undefined;
  return { type: 'dispatch', classNames: prefixes.map((prefix) => [{ text: prefix }, { unknown: true }]), methods: [[{ text: method }]] };
}
