// A project helper that runs the caller's work and holds nothing while it does.
export class Timer {
  async measure<T>(work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work();
    } finally {
      console.log(`took ${Date.now() - started} ms`);
    }
  }
}
