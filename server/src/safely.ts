import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/**
 * Every request handler goes through this: an exception of ours is logged and answered with
 * an empty result, so one broken file (or bug) never takes the server down. Cancellations
 * are passed on as they are: they are answers, not failures.
 */
export function safely<P, R, E>(log: (message: string) => void, what: string, empty: E, handler: (params: P, ...rest: any[]) => Promise<R> | R) {
  return async (params: P, ...rest: any[]): Promise<R | E> => {
    try {
      return await handler(params, ...rest);
    } catch (error) {
      if (error instanceof ResponseError && (error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ServerCancelled)) throw error;
      log(`session-lint: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  };
}
