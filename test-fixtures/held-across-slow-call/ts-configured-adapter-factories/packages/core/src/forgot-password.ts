// The reset token is written and the reset e-mail sent inside one transaction. The e-mail goes
// through whichever adapter the configuration passed: of the two the project ships, the Resend
// one calls its API, so the call is `info`, naming it.
import type { Cms } from './cms';

export async function forgotPassword(cms: Cms, userId: string, to: string): Promise<void> {
  await cms.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { resetToken: 'token' } });
    await cms.email.sendEmail({ to, subject: 'Reset your password', html: '<a href="/reset">reset</a>' }); // expect: held-across-slow-call@info "held across `cms.email.sendEmail\(\)`.*only if the configured implementation is `the anonymous function` in `email-resend/src/index.ts` \(2 implementations"
  });
}

export async function forgotPasswordFixed(cms: Cms, userId: string, to: string): Promise<void> {
  await cms.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { resetToken: 'token' } });
  });
  await cms.email.sendEmail({ to, subject: 'Reset your password', html: '<a href="/reset">reset</a>' });
}
