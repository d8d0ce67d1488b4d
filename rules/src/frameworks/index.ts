import type { FrameworkPreset } from './preset';
import { wordpress } from './wordpress';

/** Every preset, by id. Native PHP is the base catalog, not a preset. */
export const allPresets: readonly FrameworkPreset[] = [wordpress];

export type { FrameworkPreset };
