export { Cms } from './cms';
export { consoleEmailAdapter } from './email/console-adapter';
export type { EmailAdapter, EmailMessage, InitializedEmailAdapter, SmsAdapter } from './email/types';
export { forgotPassword } from './forgot-password';
