// A notifier whose sending is a function the configuration gives: the constructor copies it
// from its options and `notify()` calls the copy (as vendure's handlers copy `createPayment`).
export type SendFn = (to: string, text: string) => Promise<void>;

export class Notifier {
  private readonly sendFn: SendFn;

  constructor(options: { channel: string; send: SendFn }) {
    this.sendFn = options.send;
  }

  async notify(to: string, text: string): Promise<void> {
    await this.sendFn(to, text);
  }
}
