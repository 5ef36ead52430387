#!/usr/bin/env node
import { boundHeapGrowth } from '../dist/cli/heap.js';

boundHeapGrowth();
await import('../dist/cli/main.js');
