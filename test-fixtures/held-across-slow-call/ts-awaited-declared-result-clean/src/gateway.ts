// A test gateway: its capture only records the payment, nothing remote.
export class Gateway {
  private readonly captured: string[] = [];

  async capture(paymentId: string): Promise<string> {
    this.captured.push(paymentId);
    return 'captured';
  }
}
