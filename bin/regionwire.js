#!/usr/bin/env node
// The young generation's bound is set before the command line's modules load (see there).
await import('../dist/cli/young-generation.js');
await import('../dist/cli/main.js');
