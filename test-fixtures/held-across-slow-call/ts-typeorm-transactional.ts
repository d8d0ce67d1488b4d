// typeorm-transactional: the whole method runs inside the transaction its decorator opens, so
// the undici request to the shipping provider holds the connection and the rows it updated.
import { Injectable } from '@nestjs/common';
import { request } from 'undici';
import { Transactional } from 'typeorm-transactional';
import { DataSource } from 'typeorm';

@Injectable()
export class ShipmentsService {
  constructor(private readonly dataSource: DataSource) {}

  @Transactional()
  async dispatch(orderId: string): Promise<void> {
    await this.dataSource.query('UPDATE orders SET state = $1 WHERE id = $2', ['dispatching', orderId]);
    const { body } = await request(`https://shipping.example.com/labels/${orderId}`, { method: 'POST' }); // expect: held-across-slow-call "^Transaction `@Transactional\(\)` held across `request\(\)`"
    await this.dataSource.query('UPDATE orders SET label = $1 WHERE id = $2', [await body.text(), orderId]);
  }
}
