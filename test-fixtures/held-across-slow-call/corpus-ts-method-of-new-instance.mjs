// @directus/api 39.2.1 (dist/controllers/deployment.js and dist/services/deployment.js; the same
// shape is in every Directus controller): inside the transaction the route builds a service,
// `new DeploymentService({ knex: trx, … })`, and calls its method, which tests the provider's
// credentials over HTTP before inserting. Missed with a672f76 (a method called on a
// `new`-constructed local instance was not resolved); reported since instance resolution.
import knex from 'knex';

const database = knex({ client: 'pg', connection: process.env.DATABASE_URL });

class DeploymentService {
  constructor(options) {
    this.knex = options.knex;
  }

  async createOne(data) {
    await fetch('https://api.vercel.com/v2/user', { headers: { authorization: `Bearer ${data.token}` } });
    const [id] = await this.knex('directus_deployments').insert({ provider: data.provider }).returning('id');
    return id;
  }
}

export async function createDeployment(body) {
  return database.transaction(async (trx) => {
    const service = new DeploymentService({ knex: trx });
    return await service.createOne(body); // expect: held-across-slow-call
  });
}
