// An abstract class as the injection token: its subclasses are the implementations.
export abstract class Notifier {
  abstract send(to: string, text: string): Promise<void>;
}

export class SmsNotifier extends Notifier {
  async send(to: string, text: string): Promise<void> {
    await fetch('https://sms.example/send', { method: 'POST', body: JSON.stringify({ to, text }) });
  }
}

export class MailNotifier extends Notifier {
  async send(to: string, text: string): Promise<void> {
    await fetch('https://mail.example/send', { method: 'POST', body: JSON.stringify({ to, text }) });
  }
}
