// payload 3.90 (dist/auth/operations/forgotPassword.js, dist/utilities/initTransaction.js,
// dist/utilities/commitTransaction.js; collections/operations/create.js has the same shape with
// uploads and the verification email): the operation begins a transaction through the database
// adapter, `req.transactionID = payload.db.beginTransaction()`, stores it on the request, sends
// the reset email with `payload.email.sendEmail()` and commits afterwards through a helper. With
// @payloadcms/db-postgres the transaction holds a pooled connection and the updated user row.
// Missed: Payload's adapter API (`payload.db.beginTransaction/commitTransaction/
// killTransaction`, `payload.email.sendEmail`) is not in the Node catalog, and the transaction
// lives on `req.transactionID`, not in a local variable.
import { getPayload } from 'payload';
import config from './payload.config.js';

const payload = await getPayload({ config });

async function initTransaction(req) {
  if (req.transactionID) return false;
  req.transactionID = await payload.db.beginTransaction();
  return !!req.transactionID;
}

async function commitTransaction(req) {
  await payload.db.commitTransaction(req.transactionID);
  delete req.transactionID;
}

export async function forgotPassword(req, email) {
  const shouldCommit = await initTransaction(req);
  const token = crypto.randomUUID();
  await payload.db.updateOne({ collection: 'users', where: { email: { equals: email } }, data: { resetPasswordToken: token }, req });
  await payload.email.sendEmail({ to: email, subject: 'Reset your password', html: token }); // expect: held-across-slow-call
  if (shouldCommit) await commitTransaction(req);
}
