import type { ApiEntry } from '../../../core/src';
import type { EntryPoint } from '../api';
import type { CatalogLayer } from '../catalog/merge';

/**
 * What a framework does with the session, as data: its open/close/reopen APIs (a catalog
 * layer), where its handlers run with the session already open, and how to recognise it.
 */
export interface FrameworkPreset {
  readonly id: string;
  readonly name: string;
  /** Whether its default session store locks. Non-locking ones never hold a lock. */
  readonly locks: boolean;
  readonly detect: {
    /** Packages in composer.json `require`/`require-dev`. */
    readonly composer?: readonly string[];
    /** Files (relative to the project root) whose presence reveals it. */
    readonly files?: readonly string[];
    /** Text in a file's comments (a WordPress plugin's `Plugin Name:` header). */
    readonly commentMarkers?: readonly string[];
  };
  readonly catalog: CatalogLayer;
  readonly entryPoints?: readonly EntryPoint[];
  readonly hooks?: HookModel;
}

/**
 * Callback registration (WordPress `add_action`): a session started in an early hook's
 * callback and not closed there stays open for every later callback of the request.
 */
export interface HookModel {
  /** Registration functions (lower-case) and the positions of hook name and callback. */
  readonly registrations: Readonly<Record<string, { readonly hook: number; readonly callback: number }>>;
  /** Hooks that run before the request's handlers. */
  readonly early: readonly string[];
}

export type { ApiEntry };
