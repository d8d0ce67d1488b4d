// A mailer the configuration picks (payload's e-mail adapters): one logs, one calls an API.
export type Mailer = { send: (to: string, subject: string) => Promise<unknown> };

export const consoleMailer = (): Mailer => ({
  send: async (to, subject) => console.log(`mail to ${to}: ${subject}`),
});

export const apiMailer = (key: string): Mailer => ({
  send: async (to, subject) => fetch('https://mail.example/send', { method: 'POST', headers: { authorization: key }, body: JSON.stringify({ to, subject }) }),
});
