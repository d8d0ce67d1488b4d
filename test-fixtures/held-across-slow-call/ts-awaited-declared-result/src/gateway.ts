// A payment gateway whose capture calls the provider over the network.
export class Gateway {
  async capture(paymentId: string): Promise<string> {
    const res = await fetch(`https://pay.example/v1/captures/${paymentId}`, { method: 'POST' });
    return res.statusText;
  }
}
