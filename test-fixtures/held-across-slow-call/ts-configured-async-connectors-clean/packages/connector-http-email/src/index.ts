// An e-mail connector that only queues the message for a worker to send later, made by an
// async factory like the others: typed through the awaited `Promise<EmailConnector>`, its
// `sendMessage` is known, and it does nothing slow.
import type { CreateConnector, EmailConnector, GetConfig, SendMessageData, SendMessageFunction } from '@auth/kit';

const outbox: SendMessageData[] = [];

const sendMessage =
  (getConfig: GetConfig): SendMessageFunction =>
  async (data: SendMessageData) => {
    outbox.push(data);
    return getConfig;
  };

const createConnector: CreateConnector<EmailConnector> = async ({ getConfig }) => {
  return {
    id: 'http-email',
    type: 'email',
    sendMessage: sendMessage(getConfig),
  };
};

export default createConnector;
