// Names the README snippets use without defining them: what a reader fills in for their own API.

/** The API's base URL, e.g. `https://abc123.execute-api.eu-central-1.amazonaws.com/dev`. */
declare const API_URL: string;
/** The API key of the API Gateway usage plan (sent as `x-api-key`). */
declare const API_KEY: string;
/** The IAM role to assume, e.g. `arn:aws:iam::123456789012:role/api-caller`. */
declare const ROLE_ARN: string;
/** A custom STS endpoint, e.g. `https://sts.eu-central-1.amazonaws.com` or a local emulator's URL. */
declare const STS_URL: string;
