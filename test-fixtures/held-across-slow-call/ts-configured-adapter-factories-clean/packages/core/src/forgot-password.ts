// Neither e-mail adapter the project ships does remote work, so the e-mail sent inside the
// transaction is not held slow work. One SMS adapter gives a function the analysis cannot
// name: which code the SMS call runs is not known, so nothing is said of it.
import type { Cms } from './cms';

export async function forgotPassword(cms: Cms, userId: string, to: string, phone: string): Promise<void> {
  await cms.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { resetToken: 'token' } });
    await cms.email.sendEmail({ to, subject: 'Reset your password', html: '<a href="/reset">reset</a>' });
    await cms.sms.sendSms(phone, 'Your reset link was e-mailed');
  });
}
