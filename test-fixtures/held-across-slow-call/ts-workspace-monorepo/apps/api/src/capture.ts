// Two remote calls behind one call: the capture at the payment provider (this package), then
// the audit event (`@shop/db`). The finding is told from the first one whatever folder the run
// starts from (the files' relative paths order them the other way from `apps/api`).
import { audit } from '@shop/db';

export async function settleCapture(orderId: string): Promise<void> {
  await fetch(`https://psp.example.com/capture/${orderId}`, { method: 'POST' });
  await audit('captured', orderId);
}
