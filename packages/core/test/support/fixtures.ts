import { EXAMPLE_CREDENTIALS, EXAMPLE_TEMP_CREDENTIALS, SUITE_DATE } from '../../../../test-support/fixtures.js';

/** Core's names for the shared fixtures (test-support/fixtures.ts). */
export const CREDENTIALS = EXAMPLE_CREDENTIALS;
export const TEMP_CREDENTIALS = EXAMPLE_TEMP_CREDENTIALS;

/** 2015-08-30T12:36:00Z, the suite's fixed time. */
export const FIXED_NOW = (): Date => new Date(SUITE_DATE);

export const API_URL = 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items';
