// The one sender the project has: a POST to the customer's webhook.
export async function sendByWebhook(to: string, text: string): Promise<void> {
  await fetch(to, { method: 'POST', body: text });
}
