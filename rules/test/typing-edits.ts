import * as fs from 'node:fs';
import * as path from 'node:path';

// Texts an editor sends while a PHP file is typed in, for the tests of what the language
// server keeps between edits (`unit-reuse.test.ts`, `declaration-reuse.test.ts`,
// `ts-recent-trees.test.ts`).

/** Every `.php` file under a folder, recursively. */
export function phpFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return phpFiles(full);
    return entry.name.endsWith('.php') ? [full] : [];
  });
}

/** Offset of the start of line `line` (0-based, clamped to the last line). */
function lineStart(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return at;
    at = next + 1;
  }
  return at;
}

/**
 * Typing as an editor sends it, each edit on the text before: a space at the start of a line
 * (the statements below it move, same lines), a new line (the lines below change), a letter
 * inside a line (that statement changes, maybe into a syntax error), and each undone.
 */
export function editsOf(text: string): string[] {
  const lines = text.split('\n').length;
  const texts: string[] = [];
  let current = text;
  const at = (line: number) => lineStart(current, line);
  const insert = (offset: number, what: string) => (current = current.slice(0, offset) + what + current.slice(offset));
  const remove = (offset: number, length: number) => (current = current.slice(0, offset) + current.slice(offset + length));
  const steps: (() => void)[] = [
    () => insert(at(Math.floor(lines / 3)), ' '),
    () => insert(at(Math.floor(lines / 5)), '  '),
    () => remove(at(Math.floor(lines / 5)), 2),
    () => insert(at(Math.floor(lines / 2)), '\n'),
    () => insert(at(Math.floor((2 * lines) / 3)) + 4, 'x'),
    () => remove(at(Math.floor((2 * lines) / 3)) + 4, 1),
    () => remove(at(Math.floor(lines / 2)), 1),
    () => insert(at(1), ' '),
  ];
  for (const step of steps) {
    step();
    texts.push(current);
  }
  return texts;
}
