/**
 * Matching a path (or a class or method name) against a pattern of literal pieces and unknown
 * gaps: what an include, a `new $class()` or a method named by a pattern may reach.
 */

/**
 * Literal pieces in order; each gap stands for one unknown part that stays within a directory.
 * `gaps` names the variable each gap reads, where known: gaps of the same variable match the
 * same text (tried at every place the next piece occurs, so a shorter first guess cannot hide
 * a match).
 */
export function matchesPattern(file: string, pieces: readonly string[], gaps: readonly (string | undefined)[] = []): boolean {
  if (!file.startsWith(pieces[0]!)) return false;
  if (pieces.length === 1) return true;
  const captured = new Map<string, string>();
  const matchFrom = (i: number, position: number): boolean => {
    if (i === pieces.length) return position === file.length;
    const piece = pieces[i]!;
    const last = i === pieces.length - 1;
    const variable = gaps[i - 1];
    // An empty piece (two unknown parts in a row: `'OOUI\\' . $a . $b . 'Theme'`) is found at
    // every place up to the end, and `indexOf('', n)` past the end answers the end again: the
    // search stops there, or it never ends (MediaWiki's `OutputPage` hung the run on it).
    for (let found = last ? file.length - piece.length : file.indexOf(piece, position); found >= position; found = last || found >= file.length ? -1 : file.indexOf(piece, found + 1)) {
      if (last && !file.endsWith(piece)) return false;
      const gap = file.slice(position, found);
      // A gap stays within a directory: no later place of the piece can do better.
      if (gap.includes('/')) return false;
      const earlier = variable === undefined ? undefined : captured.get(variable);
      if (earlier !== undefined && earlier !== gap) continue;
      if (variable !== undefined && earlier === undefined) captured.set(variable, gap);
      if (matchFrom(i + 1, found + piece.length)) return true;
      if (variable !== undefined && earlier === undefined) captured.delete(variable);
    }
    return false;
  };
  return matchFrom(1, pieces[0]!.length);
}
