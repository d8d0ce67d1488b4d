// The clean twin of `ts-transaction-helpers.ts`: the download runs before the helper opens the
// transaction and the notification after the helper ends it; a helper that begins and commits
// in its own body (`runInTransaction`) opens nothing for its caller; and a function that calls
// the opening helper but no closing one is not taken to hold anything (nothing pairs them).
interface DatabaseAdapter {
  beginTransaction(): Promise<string>;
  commitTransaction(id: string): Promise<void>;
  rollbackTransaction(id: string): Promise<void>;
}

interface AppRequest {
  db: DatabaseAdapter;
  transactionID?: string;
}

async function initTransaction(req: AppRequest): Promise<boolean> {
  if (req.transactionID) return false;
  req.transactionID = await req.db.beginTransaction();
  return true;
}

async function commitTransaction(req: AppRequest): Promise<void> {
  await req.db.commitTransaction(req.transactionID!);
  delete req.transactionID;
}

async function runInTransaction(req: AppRequest): Promise<void> {
  const id = await req.db.beginTransaction();
  await req.db.commitTransaction(id);
}

async function fetchRemoteFile(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  return response.arrayBuffer();
}

export async function createDocument(req: AppRequest, data: { url: string }): Promise<void> {
  const file = await fetchRemoteFile(data.url);
  const shouldCommit = await initTransaction(req);
  console.log(file.byteLength);
  if (shouldCommit) await commitTransaction(req);
  await fetch('https://hooks.example.com/created', { method: 'POST' });
}

export async function touchDocument(req: AppRequest, data: { url: string }): Promise<void> {
  await runInTransaction(req);
  await fetchRemoteFile(data.url);
}

export async function openOnly(req: AppRequest, data: { url: string }): Promise<void> {
  await initTransaction(req);
  await fetchRemoteFile(data.url);
}
