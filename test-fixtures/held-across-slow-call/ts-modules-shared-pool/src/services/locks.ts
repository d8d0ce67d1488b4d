import { Mutex } from 'async-mutex';

/** Serialises renewals: one at a time per process. */
export const renewalLock = new Mutex();
