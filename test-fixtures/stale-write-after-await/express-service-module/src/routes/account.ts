// express-session: the route awaits a service of another module that calls another service
// over HTTP, then writes the session it loaded before; a second route re-reads it first.
import { Router } from 'express';
import { describePlan, loadEntitlements } from '../services/entitlements';

const router = Router();

router.post('/account/sync', async (req, res) => {
  const features = await loadEntitlements(req.session.accountId!);
  req.session.plan = describePlan(features); // expect: stale-write-after-await
  res.json({ features });
});

router.post('/account/sync-safe', async (req, res) => {
  const features = await loadEntitlements(req.session.accountId!);
  await new Promise<void>((resolve, reject) => req.session.reload((err) => (err ? reject(err) : resolve())));
  req.session.plan = describePlan(features);
  res.json({ features });
});

router.get('/account/plan', async (req, res) => {
  const plan = describePlan(req.session.features ?? []);
  req.session.plan = plan;
  res.json({ plan });
});

export default router;
