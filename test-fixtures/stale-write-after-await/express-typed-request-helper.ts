// express-session in a service function that takes the express `Request`: it reads the
// session, sleeps before a retry, then increments a counter on the stale copy.
import type { Request } from 'express';
import { setTimeout as sleep } from 'timers/promises';

export async function throttleLogin(req: Request): Promise<void> {
  const attempts: number = req.session.loginAttempts ?? 0;
  if (attempts > 3) {
    await sleep(1000 * attempts);
  }
  req.session.loginAttempts = attempts + 1; // expect: stale-write-after-await "after `sleep\(\)` without being re-read"
}
