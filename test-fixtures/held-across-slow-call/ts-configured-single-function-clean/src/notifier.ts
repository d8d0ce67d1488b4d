// As in ts-configured-single-function: a notifier copies its sending function from its
// options. A second class, `Pager`, has an optional one.
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

export class Pager {
  private readonly pageFn?: SendFn;

  constructor(options: { team: string; page?: SendFn }) {
    this.pageFn = options.page;
  }

  async page(to: string, text: string): Promise<void> {
    if (this.pageFn) await this.pageFn(to, text);
  }
}
