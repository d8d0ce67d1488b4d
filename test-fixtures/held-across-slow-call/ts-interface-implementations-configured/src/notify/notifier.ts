export abstract class Notifier {
  abstract send(to: string, text: string): Promise<void>;
}

export class SmsNotifier extends Notifier {
  async send(to: string, text: string): Promise<void> {
    await fetch('https://sms.example/send', { method: 'POST', body: JSON.stringify({ to, text }) });
  }
}

/** Development: only logs. */
export class LogNotifier extends Notifier {
  async send(to: string, text: string): Promise<void> {
    console.log(`to ${to}: ${text}`);
  }
}
