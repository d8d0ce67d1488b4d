import lockfile from 'proper-lockfile';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const sh = promisify(exec);

// Other requests (and the cron job) wait for the file while the backup runs.
export async function backupSite(dir: string): Promise<void> {
  const release = await lockfile.lock(dir);
  try {
    await sh(`tar czf /backups/site.tgz ${dir}`); // expect: held-across-slow-call "^File lock `lockfile` held across `sh\(\)`.*: every other request \(and process\)"
  } finally {
    await release();
  }
}
