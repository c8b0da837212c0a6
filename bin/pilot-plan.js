#!/usr/bin/env node
// The npm `bin`: runs the bundled CLI (dist/, built by `npm run build`, and before packing by `prepare`).
require('../dist/cli.js');
