// express-session: the same upload handler in a project whose `session-lint.json` sets
// `"slowKinds": { "file-io": "warning" }` (uploads go to a network file system): the file
// write now counts as slow work before the session write.
import express from 'express';
import session from 'express-session';
import { createWriteStream } from 'fs';
import { pipeline } from 'stream/promises';
import { randomUUID } from 'crypto';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

app.post('/avatar', async (req, res) => {
  const name = `${randomUUID()}.png`;
  await pipeline(req, createWriteStream(`/mnt/nfs/uploads/${name}`));
  await new Promise<void>((resolve, reject) => req.session.reload((error) => (error ? reject(error) : resolve())));
  req.session.avatar = name; // expect: stale-write-after-await "^`req\.session` is written \(`avatar`\) after `pipeline\(\)`"
  res.status(201).json({ name });
});

export default app;
