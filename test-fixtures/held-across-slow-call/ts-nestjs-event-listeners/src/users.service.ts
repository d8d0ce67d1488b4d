// `await emitAsync()` waits for every listener of the event: inside a `@Transactional()` method
// the CRM call of the `user.created` listener runs with the transaction open. A plain `emit()`
// does not wait for async listeners, the `user.renamed` listener does nothing slow, and an
// event emitted after the transaction is not held.
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Transactional } from '@nestjs-cls/transactional';

@Injectable()
export class UsersService {
  constructor(private readonly events: EventEmitter2) {}

  @Transactional()
  async create(email: string): Promise<void> {
    await this.events.emitAsync('user.created', { email }); // expect: held-across-slow-call "^Transaction `@Transactional\(\)` held across the `user.created` listener `UsersListener.syncToCrm\(\)`, which reaches `fetch\(\)`"
  }

  @Transactional()
  async createQuietly(email: string): Promise<void> {
    this.events.emit('user.created', { email });
  }

  @Transactional()
  async rename(id: string): Promise<void> {
    await this.events.emitAsync('user.renamed', { id });
  }

  async createThenAnnounce(email: string): Promise<void> {
    await this.saveUser(email);
    await this.events.emitAsync('user.created', { email });
  }

  @Transactional()
  private async saveUser(email: string): Promise<void> {
    void email;
  }
}
