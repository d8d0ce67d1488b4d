// Clean counterpart of corpus-ts-nodemailer-in-transaction.mjs: the email goes out after the
// transaction that stored the reset token has committed.
import { drizzle } from 'drizzle-orm/node-postgres';
import nodemailer from 'nodemailer';

const db = drizzle(process.env.DATABASE_URL);
const transport = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });

export async function forgotPassword(email, token) {
  await db.transaction(async (tx) => {
    await tx.execute('update users set reset_password_token = $1 where email = $2', [token, email]);
  });
  await transport.sendMail({ to: email, subject: 'Reset your password', html: token });
}
