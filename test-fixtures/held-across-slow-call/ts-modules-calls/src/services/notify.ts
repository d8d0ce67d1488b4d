export default async function notify(userId: string, text: string): Promise<void> {
  await fetch('https://push.example.com/send', { method: 'POST', body: JSON.stringify({ userId, text }) });
}
