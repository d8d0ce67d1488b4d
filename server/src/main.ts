import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// The transport comes from the command line, as every LSP client passes it:
// `--stdio` (Neovim, most editors), `--node-ipc` (VS Code), `--socket=<port>`.
startServer(createConnection(ProposedFeatures.all));
