import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { setTimeout as sleep } from 'node:timers/promises';

@Injectable()
export class SubscriptionService {
  constructor(private readonly http: HttpService) {}

  // The whole method runs in a transaction, including the wait for the billing provider.
  @Transactional()
  async renew(subscriptionId: string): Promise<void> {
    await this.markRenewing(subscriptionId);
    await fetch(`https://billing.example.com/subscriptions/${subscriptionId}/renew`, { method: 'POST' }); // expect: held-across-slow-call "^Transaction `@Transactional\(\)` held across `fetch\(\)`.*: it stays open for the whole method"
  }

  @Transactional()
  async retryRenewal(subscriptionId: string): Promise<void> {
    await this.backoff(); // expect: held-across-slow-call "^Transaction `@Transactional\(\)` held across `this.backoff\(\)`, which reaches `sleep\(\)`"
    await this.markRenewing(subscriptionId);
  }

  private async backoff(): Promise<void> {
    await sleep(3000);
  }

  private async markRenewing(id: string): Promise<void> {
    void id;
  }
}
