// nestjs-cls with the Knex adapter: `txHost.tx` is the transaction of the `@Transactional()`
// method that called the repository (or the plain knex instance outside one).
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterKnex } from '@nestjs-cls/transactional-adapter-knex';

@Injectable()
export class UserRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterKnex>) {}

  async createUser(name: string, email: string): Promise<{ id: number }> {
    const [user] = await this.txHost.tx('user').insert({ name, email }).returning('id');
    return user;
  }
}
