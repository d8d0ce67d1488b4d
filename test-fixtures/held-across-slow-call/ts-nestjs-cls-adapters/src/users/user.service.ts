// `@Transactional()` (any adapter) runs the whole method in one transaction: the welcome mail,
// two services away, is sent with it open.
import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { UserRepository } from './user.repository';
import { WelcomeMailer } from './welcome-mailer';

@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly mailer: WelcomeMailer,
  ) {}

  @Transactional()
  async register(name: string, email: string): Promise<number> {
    const user = await this.users.createUser(name, email);
    await this.mailer.sendWelcome(email); // expect: held-across-slow-call "^Transaction `@Transactional\(\)` held across `this.mailer.sendWelcome\(\)`, which reaches `this.transport.sendMail\(\)`"
    return user.id;
  }

  // Clean: the transaction is a method of its own; the mail goes after it has committed.
  async registerFixed(name: string, email: string): Promise<number> {
    const id = await this.createInTransaction(name, email);
    await this.mailer.sendWelcome(email);
    return id;
  }

  @Transactional()
  private async createInTransaction(name: string, email: string): Promise<number> {
    return (await this.users.createUser(name, email)).id;
  }
}
