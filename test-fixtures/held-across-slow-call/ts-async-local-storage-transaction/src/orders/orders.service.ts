import { currentClient, trxStorage } from '../db/context';
import { inKnexTransaction, inTransaction } from '../db/transaction';

export async function pay(orderId: string): Promise<void> {
  await inTransaction(async () => {
    await currentClient().query('UPDATE orders SET state = $1 WHERE id = $2', ['paying', orderId]);
    await fetch(`https://payments.example.com/charge/${orderId}`, { method: 'POST' }); // expect: held-across-slow-call "`client` held across `fetch\(\)` in the callback that `inTransaction\(\)` runs"
  });
}

export async function ship(orderId: string): Promise<void> {
  await inKnexTransaction(async () => {
    await trxStorage.getStore()!('orders').where({ id: orderId }).update({ state: 'shipping' });
    await fetch(`https://carrier.example.com/labels/${orderId}`, { method: 'POST' }); // expect: held-across-slow-call "`trx` held across `fetch\(\)`"
  });
}

// Clean: the charge before the transaction; only queries inside it.
export async function payFixed(orderId: string): Promise<void> {
  await fetch(`https://payments.example.com/charge/${orderId}`, { method: 'POST' });
  await inTransaction(async () => {
    await currentClient().query('UPDATE orders SET state = $1 WHERE id = $2', ['paid', orderId]);
  });
}
