import { Sequelize } from 'sequelize';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const run = promisify(execFile);

// Managed transaction: the thumbnail is rendered while it is open.
export async function attachImage(postId: number, path: string): Promise<void> {
  await run('convert', [path, '-resize', '200x200', `${path}.thumb.png`]); // expect: held-across-slow-call "^Sequelize transaction `t` held across `run\(\)`"
  await sequelize.transaction(async (t) => {
    await sequelize.query('UPDATE posts SET image = ? WHERE id = ?', { replacements: [path, postId], transaction: t });
  });
}

// Unmanaged transaction, never committed when the upload fails.
export async function publish(postId: number): Promise<void> {
  const response = await fetch(`https://cdn.internal/purge/${postId}`, { method: 'POST' }); // expect: held-across-slow-call "^Sequelize transaction `t` held across `fetch\(\)`"
  const t = await sequelize.transaction();
  await sequelize.query('UPDATE posts SET published = true WHERE id = ?', { replacements: [postId], transaction: t });
  if (!response.ok) throw new Error('purge failed');
  await t.commit();
}
