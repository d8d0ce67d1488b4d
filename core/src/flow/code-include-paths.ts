import * as posix from 'node:path/posix';
import { resolveConstants, type StaticPart, type StaticString } from '../ir/static-string';

/** One folder of an include path the code sets: from `__DIR__` (`anchored`) or from the working directory. */
export interface CodeIncludeDir {
  readonly dir: string;
  readonly anchored: boolean;
}

/** PHP's separator of include path entries on the systems these applications are served from. */
const SEPARATOR = ':';

/**
 * The folders a value given to `set_include_path()` names, in order: it is split at
 * `PATH_SEPARATOR` (or a literal `:`), and each entry whose text is all known is a folder. An
 * entry with an unknown part (`get_include_path()`, the include path as it was) is left out: it
 * is the include path the analysis already searches. An absolute folder outside `__DIR__` is
 * left out too: it is not part of the project (`/usr/share/php`).
 */
export function codeIncludeDirs(value: StaticString, constant?: (name: string) => StaticString | undefined): CodeIncludeDir[] {
  const separated: StaticPart[] = value.map((part) => ('constant' in part && part.constant === 'PATH_SEPARATOR' ? { text: SEPARATOR } : part));
  const resolved = constant ? resolveConstants(separated, constant) : separated;
  const dirs: CodeIncludeDir[] = [];
  let entry: StaticPart[] = [];
  const close = (): void => {
    const text = entry.every((part) => 'text' in part) ? entry.map((part) => ('text' in part ? part.text : '')).join('') : undefined;
    const first = entry[0];
    const anchored = first !== undefined && 'text' in first && first.anchored === true;
    if (text !== undefined && text !== '' && (anchored || !text.startsWith('/'))) dirs.push({ dir: posix.normalize(text), anchored });
    entry = [];
  };
  for (const part of resolved) {
    if (!('text' in part)) {
      entry.push(part);
      continue;
    }
    const pieces = part.text.split(SEPARATOR);
    pieces.forEach((piece, index) => {
      if (index > 0) close();
      // The first piece carries the part's anchoring only if the part starts the entry.
      if (piece !== '' || index === 0) entry.push(index === 0 && part.anchored ? { text: piece, anchored: true } : { text: piece });
    });
  }
  close();
  return dirs;
}
