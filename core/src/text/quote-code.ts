/**
 * How messages quote what code calls: a callee (`fetch()`, `new ItemsService(…).createOne()`)
 * in backticks; a description written by the lowering (`the callback of add_action()`, `a
 * shell command in backticks`) as it is.
 */
export function quoteCode(text: string): string {
  const description = text.includes(' ') && !text.startsWith('new ');
  return description ? text : `\`${text}\``;
}
