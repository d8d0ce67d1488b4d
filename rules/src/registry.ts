import type { Rule } from '../../core/src';
import { heldAcrossSlowCall } from './rules/held-across-slow-call';
import { invalidSuppression } from './rules/invalid-suppression';

/** Every rule, by id, alphabetically. */
export const allRules: readonly Rule[] = [heldAcrossSlowCall, invalidSuppression];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.meta.id));
