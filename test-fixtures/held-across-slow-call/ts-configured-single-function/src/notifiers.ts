// Every notifier the project makes gives the same function: the copied property is that function.
import { Notifier } from './notifier';
import { sendByWebhook } from './senders/webhook';

export const orderNotifier = new Notifier({ channel: 'orders', send: sendByWebhook });
export const refundNotifier = new Notifier({ channel: 'refunds', send: sendByWebhook });
