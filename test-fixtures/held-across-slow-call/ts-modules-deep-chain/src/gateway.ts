// The tenth service down the chain finally calls the carrier's API.
export class GatewayService {
  async step(id: string): Promise<void> {
    await fetch(`https://carrier.example.com/labels/${id}`, { method: 'POST' });
  }
}
