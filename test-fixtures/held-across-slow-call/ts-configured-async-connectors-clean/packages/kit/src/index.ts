// The connector kit (logto's `@logto/connector-kit`): a connector is an object literal an
// async factory returns; its `sendMessage` is the slot the core calls.
export type SendMessageData = { to: string; text: string };
export type SendMessageFunction = (data: SendMessageData) => Promise<unknown>;
export type GetConfig = (id: string) => Promise<unknown>;

export type BaseConnector<Type extends string> = { id: string; type: Type };

export type EmailConnector = BaseConnector<'email'> & {
  sendMessage: SendMessageFunction;
};

export type CreateConnector<T extends EmailConnector> = (options: { getConfig: GetConfig }) => Promise<T>;
