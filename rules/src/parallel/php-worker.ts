// A worker thread of `PhpWorkerPool`: parses, declares and lowers the PHP files it is sent,
// and replies with plain data. Each reply bumps the shared counter the main thread sleeps on.
import { parentPort, workerData } from 'node:worker_threads';
import { PhpParser, type ProjectSymbols } from '../../../core/src';
import { declarePhpText, lowerPhpText, projectSymbolsOf, type LoweringInputs } from '../cache/php-file-results';
import { KeptTrees } from '../cache/kept-trees';
import { loadGrammarBytes } from '../node-runtime';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './messages';

const setup = workerData as WorkerSetup;
const signal = new Int32Array(setup.signal);
const parser = loadGrammarBytes().then((grammar) => PhpParser.create(grammar));
// The lowering inputs of the current batch, with the project index built from them once.
// The trees of the files this worker declared, for when it lowers them (the pool sends a
// file's lowering to the worker that declared it).
const kept = new KeptTrees();
let current: { readonly id: number; readonly inputs: LoweringInputs; readonly symbols: ProjectSymbols | undefined } | undefined;

function reply(message: WorkerReply): void {
  setup.replies.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

// Requests are handled in order: the parser is one per thread.
let queue = Promise.resolve();
parentPort!.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: WorkerRequest): Promise<void> {
  if (request.kind === 'inputs') {
    current = { id: request.inputsId, inputs: request.inputs, symbols: projectSymbolsOf(request.inputs) };
    return;
  }
  try {
    const php = await parser;
    if (request.kind === 'declare') {
      reply({ id: request.id, declared: request.files.map((file) => declarePhpText(php, file, kept)) });
    } else {
      if (current?.id !== request.inputsId) throw new Error(`lowering inputs ${request.inputsId} never arrived`);
      const { inputs, symbols } = current;
      reply({ id: request.id, lowered: request.files.map((file) => lowerPhpText(php, file, inputs.catalog, symbols, kept)) });
    }
  } catch (err) {
    reply({ id: request.id, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
  }
}
