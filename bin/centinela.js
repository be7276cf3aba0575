#!/usr/bin/env node
// `npx centinela ...`: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../app/cli.ts');
