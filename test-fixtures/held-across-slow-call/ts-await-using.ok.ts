// The sessions' blocks end before the remote calls: `await using` disposes them there (the
// end of the block, an early `return`, a `continue`).
import neo4j from 'neo4j-driver';
import { MongoClient } from 'mongodb';
import axios from 'axios';

const driver = neo4j.driver(process.env.NEO4J_URL!, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD!));
const mongo = new MongoClient(process.env.MONGO_URL!);

export async function importFollowers(userId: string): Promise<number> {
  const { data } = await axios.get(`https://social.example.com/users/${userId}/followers`);
  {
    await using session = driver.session();
    await session.run('UNWIND $ids AS id MERGE (:User {id: id})', { ids: data.map((f: { id: string }) => f.id) });
  }
  await axios.post('https://audit.internal/imports', { userId });
  return data.length;
}

async function loadOrders(customerId: string, year: number): Promise<unknown[]> {
  await using session = mongo.startSession();
  return mongo.db('shop').collection('orders').find({ customerId, year }, { session }).toArray();
}

export async function archiveOrders(customerId: string): Promise<void> {
  for (const year of [2023, 2024]) {
    let orders: unknown[];
    {
      await using session = mongo.startSession();
      orders = await mongo.db('shop').collection('orders').find({ customerId, year }, { session }).toArray();
      if (orders.length === 0) continue;
    }
    await fetch('https://archive.internal/orders', { method: 'PUT', body: JSON.stringify(orders) });
  }
  await fetch('https://archive.internal/done', { method: 'POST', body: JSON.stringify(await loadOrders(customerId, 2025)) });
}
