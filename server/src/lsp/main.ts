/** Entry of the bundled server the VS Code client starts (dist/server.js). */
import { startServer } from './server';

startServer();
