/** Fixture credentials: never real keys. */
export const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
} as const;

export const TEMP_CREDENTIALS = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'temporary/Secret+Key/EXAMPLEKEY0123456789',
  sessionToken: 'FwoGZXIvYXdzEXAMPLEsessionTOKEN//+token==',
} as const;

/** 2015-08-30T12:36:00Z, the suite's fixed time. */
export const FIXED_NOW = (): Date => new Date('2015-08-30T12:36:00Z');

export const API_URL = 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items';
