// `await using` (neo4j-driver 5 sessions, MongoDB 6.9 sessions are AsyncDisposable): the
// session is released only when its block ends, so everything awaited before that holds it.
import neo4j from 'neo4j-driver';
import { MongoClient } from 'mongodb';
import axios from 'axios';

const driver = neo4j.driver(process.env.NEO4J_URL!, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD!));
const mongo = new MongoClient(process.env.MONGO_URL!);

export async function importFollowers(userId: string): Promise<number> {
  const { data } = await axios.get(`https://social.example.com/users/${userId}/followers`); // expect: held-across-slow-call "^neo4j session `session` held across `axios.get\(\)`.*: it keeps a connection from the driver's pool"
  await using session = driver.session();
  if (data.length === 0) return 0;
  await session.run('UNWIND $ids AS id MERGE (:User {id: id})', { ids: data.map((f: { id: string }) => f.id) });
  return data.length;
}

export async function archiveOrders(customerId: string): Promise<void> {
  for (const year of [2023, 2024]) {
    await using session = mongo.startSession();
    const orders = await mongo.db('shop').collection('orders').find({ customerId, year }, { session }).toArray();
    await fetch('https://archive.internal/orders', { method: 'PUT', body: JSON.stringify(orders) }); // expect: held-across-slow-call "^MongoDB session `session` held across `fetch\(\)`"
  }
}
