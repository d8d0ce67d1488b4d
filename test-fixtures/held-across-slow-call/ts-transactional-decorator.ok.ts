import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';

@Injectable()
export class SubscriptionService {
  // The provider is called from an undecorated method; only the writes run in the transaction.
  async renew(subscriptionId: string): Promise<void> {
    await fetch(`https://billing.example.com/subscriptions/${subscriptionId}/renew`, { method: 'POST' });
    await this.markRenewed(subscriptionId);
  }

  @Transactional()
  async markRenewed(subscriptionId: string): Promise<void> {
    await this.write(subscriptionId, 'renewed');
    await this.write(subscriptionId, 'billed');
  }

  private async write(id: string, state: string): Promise<void> {
    void id;
    void state;
  }
}
