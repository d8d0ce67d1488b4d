import type { SyntaxNode } from '../../parse/php';
import { literalOf } from './literals';

/**
 * The properties a class keeps as flags: `$this->x = <literal>` somewhere in its methods
 * (elFinder's session wrapper: `close()` ends with `$this->started = false`), as subjects
 * (`->started`). A method that tests such a flag once (`if (!$this->started) $this->start();`)
 * remembers it, so that what a call on the same object says of it (`receiver-facts.ts`) decides
 * the branch: `set()` after `get()` closed the session knows the wrapper is not started.
 */
export function literalFlagProperties(classNode: SyntaxNode | undefined): ReadonlySet<string> {
  const found = new Set<string>();
  const body = classNode?.childForFieldName('body');
  if (!body) return found;
  for (const assignment of body.descendantsOfType('assignment_expression')) {
    const left = assignment?.childForFieldName('left');
    if (left?.type !== 'member_access_expression') continue;
    const object = left.childForFieldName('object');
    const name = left.childForFieldName('name');
    if (object?.type !== 'variable_name' || object.text !== '$this' || name?.type !== 'name') continue;
    if (literalOf(assignment!.childForFieldName('right')) !== undefined) found.add(`->${name.text}`);
  }
  return found;
}
