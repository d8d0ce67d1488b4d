// payload 3.90 (dist/auth/operations/forgotPassword.js, with the @payloadcms/email-nodemailer
// adapter) and Ghost (nodemailer through its mailer service): an email sent over SMTP while the transaction
// that stored the reset token is still open. Missed by the review's engine (a672f76):
// nodemailer was not in the Node catalog. Now a transport made by `nodemailer.createTransport()`
// is a slow client whose `sendMail()` is slow work of kind `mail`.
import { drizzle } from 'drizzle-orm/node-postgres';
import nodemailer from 'nodemailer';

const db = drizzle(process.env.DATABASE_URL);
const transport = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });

export async function forgotPassword(email, token) {
  await transport.sendMail({ to: email, subject: 'Reset your password', html: token }); // expect: held-across-slow-call
  await db.transaction(async (tx) => {
    await tx.execute('update users set reset_password_token = $1 where email = $2', [token, email]);
  });
}
