#!/usr/bin/env node
// `vitrine-admin`: the operators' command line. The TypeScript sources run through tsx, like the other scripts.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
