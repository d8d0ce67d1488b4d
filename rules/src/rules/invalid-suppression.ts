import { parseSuppressions, suppressionProblems, type Rule } from '../../../core/src';

/**
 * `invalid-suppression`: suppression comments must name known rules and give a reason. Its fixes
 * (correcting a misspelt id, removing a suppression that hides nothing) are built by the project
 * analysis, which alone knows what a comment hides (`fixes/suppression-repairs.ts`).
 */
export const invalidSuppression: Rule = {
  meta: {
    id: 'invalid-suppression',
    description: 'A suppression comment names no rule, an unknown rule, or gives no reason',
    languages: ['php', 'typescript'],
    defaultSeverity: 'warning',
    fixAvailability: 'sometimes',
  },
  check(context) {
    const suppressions = parseSuppressions(context.file, (offset) => context.lineOf(offset));
    return suppressionProblems(suppressions, context.knownRuleIds).map(({ span, message }) => ({
      rule: 'invalid-suppression',
      severity: context.severity,
      message,
      span,
      related: [],
      fixes: [],
    }));
  },
};
