// The connectors are found at run time among those installed; the core asks for the one of a
// type, through a generic async getter whose declared result maps the type to its connector.
import type { EmailConnector } from '@auth/kit';

export type LogtoConnector<T extends EmailConnector = EmailConnector> = T & { dbEntry: { id: string } };

export const createConnectorLibrary = (loaded: LogtoConnector[]) => {
  type MappedConnectorType = { email: LogtoConnector<EmailConnector> };

  const getMessageConnector = async <Type extends keyof MappedConnectorType>(type: Type): Promise<MappedConnectorType[Type]> => {
    const connector = loaded.find((one) => one.type === type);
    if (!connector) throw new Error(`no ${type} connector`);
    return connector;
  };

  return { getMessageConnector };
};

export type ConnectorLibrary = ReturnType<typeof createConnectorLibrary>;
