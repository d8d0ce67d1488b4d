import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

export interface ColorInputs {
  /** `--color` (true), `--no-color` (false), or neither (undefined: decide from the environment). */
  readonly flag: boolean | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
}

/**
 * An explicit flag wins; then NO_COLOR (https://no-color.org: any non-empty value) and
 * FORCE_COLOR (any value but `0`/`false`); then colour only for a terminal that is not
 * `dumb`. Decided here rather than by picocolors' own detection, which reads the real
 * process's argv and env at import time and so cannot be tested or overridden.
 */
export function shouldUseColor({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

export function createColors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}
