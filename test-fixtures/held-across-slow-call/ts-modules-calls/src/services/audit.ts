export default async (event: string): Promise<void> => {
  await fetch('https://siem.example.com/events', { method: 'POST', body: event });
};
