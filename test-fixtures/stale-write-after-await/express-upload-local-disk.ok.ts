// express-session: an upload is written to local disk, then its name is remembered in the
// session. A local file write is short: by default it does not count as a slow await here.
import express from 'express';
import session from 'express-session';
import { createWriteStream } from 'fs';
import { pipeline } from 'stream/promises';
import { randomUUID } from 'crypto';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.post('/avatar', async (req, res) => {
  const name = `${randomUUID()}.png`;
  await pipeline(req, createWriteStream(`/var/uploads/${name}`));
  req.session.avatar = name;
  res.status(201).json({ name });
});

export default app;
