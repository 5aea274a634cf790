// Deno (the `deno` npm package's binary): the seed's calls through fetch, ky and axios, end to end.
import { describeSeedCalls } from './harness/seed-suite.js';

describeSeedCalls('deno');
