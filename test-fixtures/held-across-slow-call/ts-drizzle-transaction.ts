import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Hono } from 'hono';
import { accounts } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
const app = new Hono();

// The KYC provider is called with the account row locked and a connection checked out.
app.post('/accounts/:id/verify', async (c) => {
  const id = c.req.param('id');
  await db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
    const check = await fetch(`https://kyc.example.com/check?email=${account.email}`); // expect: held-across-slow-call "^drizzle transaction `tx` held across `fetch\(\)`.*: it keeps a database connection and its locks"
    await tx.update(accounts).set({ verified: check.ok }).where(eq(accounts.id, id));
  });
  return c.body(null, 204);
});

export default app;
