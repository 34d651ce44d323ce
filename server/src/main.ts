import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// `node dist/server.js --stdio` (any LSP client) or `--node-ipc` (the VS Code client):
// createConnection picks the transport from the command line.
startServer(createConnection(ProposedFeatures.all));
