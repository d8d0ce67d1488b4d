import neo4j from 'neo4j-driver';
import axios from 'axios';

const driver = neo4j.driver(process.env.NEO4J_URL!, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD!));

// The followers are downloaded before the session is opened.
export async function importFollowers(userId: string): Promise<void> {
  const { data } = await axios.get(`https://social.example.com/users/${userId}/followers`);
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      for (const follower of data) {
        await tx.run('MERGE (a:User {id: $a})-[:FOLLOWS]->(b:User {id: $b})', { a: follower.id, b: userId });
      }
    });
  } finally {
    await session.close();
  }
}
