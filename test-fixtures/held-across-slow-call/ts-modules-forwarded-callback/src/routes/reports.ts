import { Router } from 'express';
import { inReadOnlyClient } from '../db/client';
import { countInvoices, renderMonthlyReport } from '../jobs/reports';

export const reports = Router();

reports.post('/reports/monthly', async (_req, res) => {
  await inReadOnlyClient(renderMonthlyReport); // expect: held-across-slow-call "`renderMonthlyReport\(\)`|`fetch\(\)`"
  res.sendStatus(202);
});

// Clean: the forwarded work only queries on the client it is given.
reports.get('/reports/count', async (_req, res) => {
  res.json({ count: await inReadOnlyClient(countInvoices) });
});
