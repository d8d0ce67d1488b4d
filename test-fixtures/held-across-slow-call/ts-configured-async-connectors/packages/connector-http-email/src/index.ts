// An e-mail connector that POSTs to a provider's API, its sender curried over the config
// getter (logto's `sendMessage: sendMessage(getConfig)`), made by an async factory: the
// literal it returns gets its type from the awaited `Promise<EmailConnector>`.
import type { SendMessageData, CreateConnector, EmailConnector, GetConfig, SendMessageFunction } from '@auth/kit';

const sendMessage =
  (getConfig: GetConfig): SendMessageFunction =>
  async (data: SendMessageData) => {
    const config = await getConfig('http-email');
    const res = await fetch('https://mail.example/v3/send', { method: 'POST', body: JSON.stringify({ config, ...data }) });
    return res.json();
  };

const createConnector: CreateConnector<EmailConnector> = async ({ getConfig }) => {
  return {
    id: 'http-email',
    type: 'email',
    sendMessage: sendMessage(getConfig),
  };
};

export default createConnector;
