import { cakephp } from './cakephp';
import { codeigniter } from './codeigniter';
import { drupal } from './drupal';
import { laravel } from './laravel';
import { moodle } from './moodle';
import { nextcloud } from './nextcloud';
import type { FrameworkPreset } from './preset';
import { symfony } from './symfony';
import { wordpress } from './wordpress';
import { yii } from './yii';

/**
 * Every preset, by id. Native PHP is the base catalog, not a preset. The order is the order
 * in which active presets' catalogs are layered: Drupal comes after Symfony because it
 * overrides Symfony's session entries (Drupal's handler does not lock).
 */
export const allPresets: readonly FrameworkPreset[] = [symfony, laravel, codeigniter, yii, cakephp, moodle, nextcloud, wordpress, drupal];

export type { FrameworkPreset };
