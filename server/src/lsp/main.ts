/** Entry of the bundled server the VS Code client starts (dist/server.js). */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { nodePlatform } from './node-platform';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all), nodePlatform);
