// Clean counterpart of corpus-ts-method-of-new-instance.mjs: the provider's credentials are
// tested before the transaction opens; the method called inside it only writes.
import knex from 'knex';

const database = knex({ client: 'pg', connection: process.env.DATABASE_URL });

class DeploymentService {
  constructor(options) {
    this.knex = options.knex;
  }

  async testConnection(data) {
    await fetch('https://api.vercel.com/v2/user', { headers: { authorization: `Bearer ${data.token}` } });
  }

  async createOne(data) {
    const [id] = await this.knex('directus_deployments').insert({ provider: data.provider }).returning('id');
    return id;
  }
}

export async function createDeployment(body) {
  await new DeploymentService({ knex: database }).testConnection(body);
  return database.transaction(async (trx) => {
    const service = new DeploymentService({ knex: trx });
    return await service.createOne(body);
  });
}
