// express-session: the helper the route awaits only formats data (no slow work), so the
// session is not stale when it is written.
import { Router, type Request, type Response } from 'express';

const router = Router();

async function formatGreeting(name: string): Promise<string> {
  return `Hello, ${name.trim()}`;
}

router.post('/greeting', async (req: Request, res: Response) => {
  const greeting = await formatGreeting(req.session.name ?? 'guest');
  req.session.greeting = greeting;
  res.json({ greeting });
});

export default router;
