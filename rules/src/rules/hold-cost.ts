import type { HoldBound, HoldEstimate, SlowKind, SlowOccurrence } from '../../../core/src';

/**
 * What holding the lock costs the user, in words, from the estimate the analysis worked out
 * from the code: a number of seconds and what bounds it, or how long it lasts when nothing
 * does ("until the remote server answers").
 */
export type HoldCost = { readonly seconds: number; readonly bound: HoldBound } | { readonly until: string };

/** The cost of the reported operation; a time limit set in the same region bounds what nothing else does. */
export function holdCost(occurrence: SlowOccurrence, loopHere: boolean, timeLimit: number | undefined): HoldCost {
  const hold: HoldEstimate | undefined = occurrence.hold;
  if (hold && 'seconds' in hold) return { seconds: hold.seconds, bound: hold.bound };
  if (timeLimit !== undefined) return { seconds: timeLimit, bound: 'time-limit' };
  if (hold?.unknown === 'no-limit') return { until: 'until the script ends, with no time limit' };
  if (hold?.unknown === 'loop' || (loopHere && !hold)) return { until: 'until the loop ends' };
  if (occurrence.image) return { until: 'until the image is sent (a picture the page shows: a short transfer)' };
  if (occurrence.thisMachine) {
    const { address, byDefault } = occurrence.thisMachine;
    const where = byDefault ? `\`${address}\` unless the installation configures another host` : `\`${address}\``;
    return { until: `until the service on this machine answers (${where}: no remote server, usually quick)` };
  }
  return { until: UNTIL[occurrence.kind] };
}

/** How long each kind of work lasts when the code sets no bound. */
const UNTIL: Record<SlowKind, string> = {
  sleep: 'until the sleep ends',
  polling: 'until the loop ends',
  http: 'until the remote server answers',
  'remote-io': 'until the remote server answers',
  mail: 'until the mail server answers',
  ldap: 'until the directory server answers',
  database: 'until the database answers',
  download: 'until the transfer ends',
  process: 'until the process exits',
  'file-io': 'until the file is read',
  'long-running': 'until the script ends',
};

/** "for up to 25 s (the loop's deadline)". */
export function upTo(cost: Extract<HoldCost, { seconds: number }>): string {
  return `for up to ${duration(cost.seconds)}${BASIS[cost.bound]}`;
}

const BASIS: Record<HoldBound, string> = {
  sleep: '',
  iterations: '',
  deadline: " (the loop's deadline)",
  timeout: " (the request's timeout)",
  'time-limit': " (the script's time limit)",
};

/** `0.25 s`, `25 s`, `5 min`, `2 h`: rounded the way a person would say it. */
export function duration(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${Number(seconds.toFixed(seconds < 10 ? 1 : 0))} s`;
  if (seconds < 7200) return seconds % 60 === 0 ? `${seconds / 60} min` : `${Math.round(seconds)} s`;
  return `${Number((seconds / 3600).toFixed(1))} h`;
}
