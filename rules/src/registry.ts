import type { Rule } from '../../core/src';
import { heldAcrossSlowCall } from './rules/held-across-slow-call';
import { invalidSuppression } from './rules/invalid-suppression';
import { preferReadAndClose } from './rules/prefer-read-and-close';
import { reopenAfterOutput } from './rules/reopen-after-output';
import { sessionAlreadyOpen } from './rules/session-already-open';
import { staleWriteAfterAwait } from './rules/stale-write-after-await';
import { writeAfterClose } from './rules/write-after-close';

/** Every rule, by id, alphabetically. */
export const allRules: readonly Rule[] = [
  heldAcrossSlowCall,
  invalidSuppression,
  preferReadAndClose,
  reopenAfterOutput,
  sessionAlreadyOpen,
  staleWriteAfterAwait,
  writeAfterClose,
];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.meta.id));
