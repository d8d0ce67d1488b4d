// Every notifier gives the same local function. Of the pagers, one gives the webhook and one
// gives nothing: which of the two runs is configuration, so the copied property is not taken
// for the webhook.
import { Notifier, Pager } from './notifier';
import { queueMessage } from './senders/outbox';
import { sendByWebhook } from './senders/webhook';

export const orderNotifier = new Notifier({ channel: 'orders', send: queueMessage });
export const refundNotifier = new Notifier({ channel: 'refunds', send: queueMessage });
export const opsPager = new Pager({ team: 'ops', page: sendByWebhook });
export const quietPager = new Pager({ team: 'night' });
