// A guard around a send: it runs the callback it is given.
export const withRateGuard = async <T>(recipient: string, send: () => Promise<T>): Promise<T> => {
  if (recipient.length === 0) throw new Error('no recipient');
  return send();
};
