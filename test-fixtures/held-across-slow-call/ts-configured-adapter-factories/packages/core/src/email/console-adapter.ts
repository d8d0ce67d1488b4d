// The core's default adapter: it only logs the message.
import type { EmailAdapter } from './types';

export const consoleEmailAdapter: EmailAdapter = ({ cms }) => ({
  name: 'console',
  sendEmail: async (message) => {
    cms.log(`email to ${message.to}: ${message.subject}`);
  },
});
