const pg = require('pg');
const axios = require('axios');

class OrderService {
  constructor() {
    this.pool = new pg.Pool();
  }

  async placeOrder(order) {
    await axios.post('https://payments.internal/charges', { orderId: order.id }); // expect: held-across-slow-call "^Pooled client `client` held across `axios.post\(\)`"
    const client = await this.pool.connect();
    try {
      await client.query('INSERT INTO orders (id, total) VALUES ($1, $2)', [order.id, order.total]);
    } finally {
      client.release();
    }
  }
}

module.exports = { OrderService };
