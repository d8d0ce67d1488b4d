// An email adapter is a factory the user's configuration passes; the core calls it once at
// start-up and keeps what it returns (payload's `EmailAdapter`/`InitializedEmailAdapter`).
import type { Cms } from '../cms';

export type EmailMessage = { to: string; subject: string; html: string };

export type EmailAdapter = ({ cms }: { cms: Cms }) => {
  name: string;
  sendEmail: (message: EmailMessage) => Promise<unknown>;
};

export type InitializedEmailAdapter = ReturnType<EmailAdapter>;
