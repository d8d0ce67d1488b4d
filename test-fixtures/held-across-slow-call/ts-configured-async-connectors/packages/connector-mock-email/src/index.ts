// The development connector: it keeps the message in memory, nothing remote.
import type { CreateConnector, EmailConnector, SendMessageFunction } from '@auth/kit';

const sent: unknown[] = [];

const sendMessage = (): SendMessageFunction => async (data) => {
  sent.push(data);
  return data;
};

const createConnector: CreateConnector<EmailConnector> = async () => ({
  id: 'mock-email',
  type: 'email',
  sendMessage: sendMessage(),
});

export default createConnector;
