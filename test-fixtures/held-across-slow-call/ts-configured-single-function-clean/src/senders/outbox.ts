// The one function every notifier gives: it queues the message in memory for a worker.
const outbox: { to: string; text: string }[] = [];

export async function queueMessage(to: string, text: string): Promise<void> {
  outbox.push({ to, text });
}
