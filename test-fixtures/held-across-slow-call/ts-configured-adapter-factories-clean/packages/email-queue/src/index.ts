// An adapter factory whose `sendEmail` only puts the message in an outbox a worker sends
// later: nothing remote. The SMS adapters: one POSTs to a gateway, the other gives a function
// the analysis cannot name (a method of a client made at run time).
import type { EmailAdapter, SmsAdapter } from '@cms/core';

const outbox: unknown[] = [];

export const queueAdapter = (): EmailAdapter => {
  const adapter: EmailAdapter = () => ({
    name: 'queue',
    sendEmail: async (message) => {
      outbox.push(message);
    },
  });
  return adapter;
};

export const webSmsAdapter = (url: string): SmsAdapter => () => ({
  sendSms: async (to, text) => {
    await fetch(url, { method: 'POST', body: JSON.stringify({ to, text }) });
  },
  name: 'web',
});

export const gatewaySmsAdapter = (gateway: { send(to: string, text: string): Promise<void> }): SmsAdapter => () => ({
  sendSms: gateway.send,
  name: 'gateway',
});
