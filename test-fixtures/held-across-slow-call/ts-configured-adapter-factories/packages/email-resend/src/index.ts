// Another package of the workspace: an adapter factory whose `sendEmail` POSTs to Resend's API,
// made by a curried sender (`sendWithResend(apiKey)` returns the function), as logto's
// connectors give `sendMessage: sendMessage(getConfig)`.
import type { EmailAdapter, EmailMessage } from '@cms/core';

const sendWithResend = (apiKey: string) => async (message: EmailMessage) => {
  const res = await fetch('https://api.resend.com/emails', { method: 'POST', headers: { Authorization: `Bearer ${apiKey}` }, body: JSON.stringify(message) });
  return res.json();
};

export const resendAdapter = (apiKey: string): EmailAdapter => {
  const adapter: EmailAdapter = () => ({
    name: 'resend',
    sendEmail: sendWithResend(apiKey),
  });
  return adapter;
};
