/**
 * The fixtures every package's tests share, defined once: AWS's documented example key pair
 * (never a real key), fixed clocks and an API Gateway host.
 */

/** AWS's documented example credentials, as in its SigV4 test suite. */
export const EXAMPLE_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
} as const;

/** Temporary credentials in the same style: a session token makes the signer add `x-amz-security-token`. */
export const EXAMPLE_TEMP_CREDENTIALS = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'temporary/Secret+Key/EXAMPLEKEY0123456789',
  sessionToken: 'FwoGZXIvYXdzEXAMPLEsessionTOKEN//+token==',
} as const;

/** The adapters' fixed signing time, and the same as `X-Amz-Date`. */
export const FIXED_DATE = new Date('2026-01-02T03:04:05Z');
export const AMZ_DATE = '20260102T030405Z';

/** The time of AWS's SigV4 test suite (2015-08-30T12:36:00Z). */
export const SUITE_DATE = new Date('2015-08-30T12:36:00Z');

export const REGION = 'eu-central-1';
export const SERVICE = 'execute-api';
export const HOST = 'abc123.execute-api.eu-central-1.amazonaws.com';
export const ORIGIN = `https://${HOST}`;
