// express-session in a service function that takes the express `Request`: the counter is
// written before the back-off sleep, so nothing is written to a stale copy.
import type { Request } from 'express';
import { setTimeout as sleep } from 'timers/promises';

export async function throttleLogin(req: Request): Promise<void> {
  const attempts: number = req.session.loginAttempts ?? 0;
  req.session.loginAttempts = attempts + 1;
  if (attempts > 3) {
    await sleep(1000 * attempts);
  }
}
