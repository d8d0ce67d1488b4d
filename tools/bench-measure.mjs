// One measured run of a command for tools/bench.mjs: wall time, CPU (user + system) and peak
// memory from GNU time, the command's output, and a hard time limit. The command runs in a
// process group of its own, so a run that overstays its limit is stopped whole (GNU time, the
// command and anything it started); what it used until then is read from /proc first, so even
// a stopped run says how much CPU and memory it had taken.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

const MARK = 'BENCH-TIME';
/** Clock ticks per second of /proc/<pid>/stat's utime and stime (100 on Linux). */
const TICKS = 100;

/**
 * Runs `command args` under /usr/bin/time, stopping it after `limitSeconds`.
 * Resolves to { outcome: 'done' | 'stopped', wall, cpu, rssMb, exit, stdout, stderr }:
 * for a stopped run `wall` is the limit (a lower bound), `cpu` and `rssMb` what the command
 * had used when it was stopped.
 */
export function measure(command, args, { cwd, limitSeconds, env } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', `${MARK} %e %U %S %M`, command, ...args], {
      cwd,
      env: env ? { ...process.env, ...env } : process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => {
      // The tail is enough: GNU time's line comes last, and a failure's reason near the end.
      stderr = (stderr + chunk).slice(-64 * 1024);
    });
    let stopped;
    const timer = setTimeout(() => {
      stopped = usageOfChildren(child.pid);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, limitSeconds * 1000);
    child.on('close', (exit) => {
      clearTimeout(timer);
      const out = Buffer.concat(stdout).toString('utf8');
      if (stopped) {
        resolve({ outcome: 'stopped', wall: limitSeconds, cpu: stopped.cpu, rssMb: stopped.rssMb, exit, stdout: out, stderr });
        return;
      }
      const line = stderr.split('\n').reverse().find((l) => l.startsWith(MARK));
      const [wall, user, system, rssKb] = (line ?? '').split(' ').slice(1).map(Number);
      if (!Number.isFinite(wall)) {
        // GNU time itself failed (or was killed from outside): the wall time we saw.
        resolve({ outcome: 'done', wall: (performance.now() - started) / 1000, cpu: NaN, rssMb: NaN, exit, stdout: out, stderr });
        return;
      }
      // The command's exit status: GNU time exits with it.
      resolve({ outcome: 'done', wall, cpu: user + system, rssMb: rssKb / 1024, exit, stdout: out, stderr: stderr.replace(line, '') });
    });
  });
}

/** CPU seconds and peak RSS (MB) of the processes GNU time started, read before stopping them. */
function usageOfChildren(timePid) {
  let cpu = 0;
  let rssMb = 0;
  for (const pid of descendants(timePid)) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      cpu += (Number(fields[11]) + Number(fields[12])) / TICKS;
      const peak = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (peak) rssMb = Math.max(rssMb, Number(peak[1]) / 1024);
    } catch {
      // It ended meanwhile.
    }
  }
  return { cpu, rssMb };
}

function descendants(pid) {
  const out = [];
  const visit = (parent) => {
    let children = '';
    try {
      children = fs.readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8');
    } catch {
      return;
    }
    for (const child of children.split(' ').filter(Boolean).map(Number)) {
      out.push(child);
      visit(child);
    }
  };
  visit(pid);
  return out;
}
