// A generic class of the project: an injected `Rates<Currency>` is an instance of it, though
// its type is a reference to the class's generic type (the checker's `isClass()` is false).
export class Rates<Currency extends string = string> {
  async refresh(currency: Currency): Promise<number> {
    const res = await fetch(`https://rates.example/v1/${currency}`);
    return Number(await res.text());
  }
}
