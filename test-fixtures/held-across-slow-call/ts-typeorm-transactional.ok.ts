// The clean form of ts-typeorm-transactional.ts: the label is fetched first, and only the two
// updates run inside the decorated (transactional) method.
import { Injectable } from '@nestjs/common';
import { request } from 'undici';
import { Transactional } from 'typeorm-transactional';
import { DataSource } from 'typeorm';

@Injectable()
export class ShipmentsService {
  constructor(private readonly dataSource: DataSource) {}

  async dispatch(orderId: string): Promise<void> {
    const { body } = await request(`https://shipping.example.com/labels/${orderId}`, { method: 'POST' });
    await this.saveLabel(orderId, await body.text());
  }

  @Transactional()
  private async saveLabel(orderId: string, label: string): Promise<void> {
    await this.dataSource.query('UPDATE orders SET state = $1 WHERE id = $2', ['dispatched', orderId]);
    await this.dataSource.query('UPDATE orders SET label = $1 WHERE id = $2', [label, orderId]);
  }
}
