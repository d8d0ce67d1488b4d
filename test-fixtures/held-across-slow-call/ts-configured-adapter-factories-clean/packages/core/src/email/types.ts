// As in ts-configured-adapter-factories, and an SMS adapter of the same shape.
import type { Cms } from '../cms';

export type EmailMessage = { to: string; subject: string; html: string };

export type EmailAdapter = ({ cms }: { cms: Cms }) => {
  name: string;
  sendEmail: (message: EmailMessage) => Promise<unknown>;
};

export type InitializedEmailAdapter = ReturnType<EmailAdapter>;

export type SmsAdapter = () => { name: string; sendSms: (to: string, text: string) => Promise<void> };
