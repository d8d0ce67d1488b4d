// A sender that POSTs to a webhook: only one pager gives it, the other leaves `page` out.
export async function sendByWebhook(to: string, text: string): Promise<void> {
  await fetch(to, { method: 'POST', body: text });
}
