// A transaction begun by one project helper and ended by another (Payload's operations:
// `const shouldCommit = await initTransaction(req)` … `commitTransaction(req)`, and
// `killTransaction(req)` in the `catch`): the helpers' own bodies call the database adapter's
// `beginTransaction()` and `commitTransaction()`/`rollbackTransaction()`, and the transaction
// stays open between the two calls, across a remote file download.
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

async function killTransaction(req: AppRequest): Promise<void> {
  if (req.transactionID) await req.db.rollbackTransaction(req.transactionID);
  delete req.transactionID;
}

async function fetchRemoteFile(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  return response.arrayBuffer();
}

export async function createDocument(req: AppRequest, data: { url: string }): Promise<void> {
  const shouldCommit = await initTransaction(req);
  try {
    const file = await fetchRemoteFile(data.url); // expect: held-across-slow-call@warning "initTransaction"
    console.log(file.byteLength);
    if (shouldCommit) await commitTransaction(req);
  } catch (error) {
    await killTransaction(req);
    throw error;
  }
}
