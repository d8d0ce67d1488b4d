// The route resolves the service from the container.
import { Router } from 'express';
import { container } from 'tsyringe';
import { OrdersService } from './orders.service';

export const orders = Router();

orders.post('/orders/:id/place', async (req, res) => {
  await container.resolve(OrdersService).place(req.params.id);
  res.sendStatus(204);
});
