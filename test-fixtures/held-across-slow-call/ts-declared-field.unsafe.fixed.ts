// A property declared without a value (`private readonly api: ApiClient;`, or `api;` as tsc
// emits class fields) is what the constructor sets: calls on it reach that class's methods.
import { Pool } from 'pg';

class ApiClient {
  async fetchRates(): Promise<unknown> {
    const response = await fetch('https://rates.example.com/latest');
    return response.json();
  }
}

export class RatesService {
  private readonly api: ApiClient;
  private readonly pool = new Pool();

  constructor() {
    this.api = new ApiClient();
  }

  async refresh(): Promise<void> {
    const client = await this.pool.connect();
    let clientHeld = true;
    try {
      await client.query('DELETE FROM rates');
      client.release();
      clientHeld = false;
      await this.api.fetchRates(); // expect: held-across-slow-call
    } finally {
      if (clientHeld) client.release();
    }
  }
}
