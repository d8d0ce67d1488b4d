// Memoised factories: the settings are fetched on the first call only (at start-up), in both
// usual shapes (`if (!x) { x = … }` and `if (x) return x; x = …`), so a transaction that
// calls them does not wait for the settings server.
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

let settings;
let limits = null;

async function loadSettings() {
  if (!settings) {
    const response = await fetch('https://config.example.com/settings.json');
    settings = await response.json();
  }
  return settings;
}

async function fetchLimits() {
  const response = await fetch('https://config.example.com/limits.json');
  return response.json();
}

async function loadLimits() {
  if (limits) return limits;
  limits = await fetchLimits();
  return limits;
}

export async function saveOrder(order) {
  await db.transaction(async (trx) => {
    const { currency } = await loadSettings();
    const { maxItems } = await loadLimits();
    await trx('orders').insert({ ...order, currency, maxItems });
  });
}
