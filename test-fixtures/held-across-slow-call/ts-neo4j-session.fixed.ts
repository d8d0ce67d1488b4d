import neo4j from 'neo4j-driver';
import axios from 'axios';

const driver = neo4j.driver(process.env.NEO4J_URL!, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD!));

export async function importFollowers(userId: string): Promise<void> {
  const { data } = await axios.get(`https://social.example.com/users/${userId}/followers`); // expect: held-across-slow-call "^neo4j session `session` held across `axios.get\(\)`.*: it keeps a connection from the driver's pool"
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      for (const follower of data) { // expect: held-across-slow-call "^neo4j transaction `tx` held across a loop that runs `axios.post\(\)` on every iteration"
        await tx.run('MERGE (a:User {id: $a})-[:FOLLOWS]->(b:User {id: $b})', { a: follower.id, b: userId });
        await axios.post('https://audit.internal/events', { follower: follower.id });
      }
    });
  } finally {
    await session.close();
  }
}
