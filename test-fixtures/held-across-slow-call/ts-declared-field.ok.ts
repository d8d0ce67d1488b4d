// Clean twin of ts-declared-field: the rates are fetched before the client is taken.
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
    const rates = await this.api.fetchRates();
    const client = await this.pool.connect();
    try {
      await client.query('INSERT INTO rates (data) VALUES ($1)', [rates]);
    } finally {
      client.release();
    }
  }
}
