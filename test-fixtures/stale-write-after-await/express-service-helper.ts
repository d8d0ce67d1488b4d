// express-session: the slow work is in a service function of the same module; the route reads
// the user's plan, awaits the service, then writes the session it loaded before the call.
import { Router, type Request, type Response } from 'express';
import axios from 'axios';

const router = Router();

async function loadEntitlements(accountId: string): Promise<string[]> {
  const { data } = await axios.get(`https://entitlements.internal/accounts/${accountId}`);
  return data.features;
}

class BillingService {
  async syncPlan(accountId: string) {
    const features = await loadEntitlements(accountId);
    return { plan: features.includes('pro') ? 'pro' : 'free', features };
  }
}

const billing = new BillingService();

router.post('/account/sync', async (req: Request, res: Response) => {
  const accountId = req.session.accountId!;
  const features = await loadEntitlements(accountId);
  req.session.features = features; // expect: stale-write-after-await "after `loadEntitlements\(\)`, which reaches `axios\.get\(\)`, in this request handler"
  res.json({ features, billing: typeof billing });
});

export default router;
