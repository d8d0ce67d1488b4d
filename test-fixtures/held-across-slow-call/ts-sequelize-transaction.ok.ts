import { Sequelize } from 'sequelize';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const run = promisify(execFile);

// The thumbnail is rendered before the transaction.
export async function attachImage(postId: number, path: string): Promise<void> {
  await run('convert', [path, '-resize', '200x200', `${path}.thumb.png`]);
  await sequelize.transaction(async (t) => {
    await sequelize.query('UPDATE posts SET image = ? WHERE id = ?', { replacements: [path, postId], transaction: t });
  });
}

// Committed before the CDN is called; rolled back on failure.
export async function publish(postId: number): Promise<void> {
  const t = await sequelize.transaction();
  try {
    await sequelize.query('UPDATE posts SET published = true WHERE id = ?', { replacements: [postId], transaction: t });
    await t.commit();
  } catch (error) {
    await t.rollback();
    throw error;
  }
  await fetch(`https://cdn.internal/purge/${postId}`, { method: 'POST' });
}
