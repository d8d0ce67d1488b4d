// The application object: the email and SMS adapters the configuration chose, initialised.
import { PrismaClient } from '@prisma/client';
import type { EmailAdapter, InitializedEmailAdapter, SmsAdapter } from './email/types';

export class Cms {
  db = new PrismaClient();
  email!: InitializedEmailAdapter;
  sms!: ReturnType<SmsAdapter>;

  init(adapter: EmailAdapter, sms: SmsAdapter): void {
    this.email = adapter({ cms: this });
    this.sms = sms();
  }

  log(text: string): void {
    console.log(text);
  }
}
