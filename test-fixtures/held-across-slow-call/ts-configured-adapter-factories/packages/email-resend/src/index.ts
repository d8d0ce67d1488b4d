// Another package of the workspace: an adapter factory whose `sendEmail` POSTs to Resend's API.
import type { EmailAdapter } from '@cms/core';

export const resendAdapter = (apiKey: string): EmailAdapter => {
  const adapter: EmailAdapter = () => ({
    name: 'resend',
    sendEmail: async (message) => {
      const res = await fetch('https://api.resend.com/emails', { method: 'POST', headers: { Authorization: `Bearer ${apiKey}` }, body: JSON.stringify(message) });
      return res.json();
    },
  });
  return adapter;
};
