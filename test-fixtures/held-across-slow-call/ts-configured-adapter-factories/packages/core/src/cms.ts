// The application object: the email adapter the configuration chose, initialised.
import { PrismaClient } from '@prisma/client';
import type { EmailAdapter, InitializedEmailAdapter } from './email/types';

export class Cms {
  db = new PrismaClient();
  email!: InitializedEmailAdapter;

  init(adapter: EmailAdapter): void {
    this.email = adapter({ cms: this });
  }

  log(text: string): void {
    console.log(text);
  }
}
