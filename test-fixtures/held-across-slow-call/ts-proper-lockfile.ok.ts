import lockfile from 'proper-lockfile';
import { exec } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const sh = promisify(exec);

// The lock only covers a quick local read-modify-write; the backup runs afterwards.
export async function bumpVersion(dir: string): Promise<void> {
  const release = await lockfile.lock(dir);
  try {
    const version = Number(await readFile(`${dir}/VERSION`, 'utf8'));
    await writeFile(`${dir}/VERSION`, String(version + 1));
  } finally {
    await release();
  }
  await sh(`tar czf /backups/site.tgz ${dir}`);
}
