import type { BrowserBundle } from './bundle.mjs';

/** Credentials as the Node side hands them to the page (the SDK's AwsCredentialIdentity shape). */
export interface NodeCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  expiration?: Date | undefined;
}

/** A serializable error, as a page reports it. */
export interface PageError {
  name: string;
  code?: string;
  message: string;
}

/** One case a page ran. */
export interface CaseResult {
  name: string;
  status?: number;
  /** The answer's body: parsed JSON when it is JSON, else text. */
  body?: unknown;
  error?: PageError;
}

/** A running Chromium with the built pages served from 127.0.0.1. */
export interface BrowserSuite {
  /** Origin the pages are served from. */
  siteUrl: string;
  bundles: Record<string, BrowserBundle>;
  /** Uncaught errors and console errors of the current page. */
  pageErrors: string[];
  /** Paths the static server answered since the last run() began (`/<page>/entry.js`, lazy chunks, ...). */
  served: string[];
  /** Opens `/<name>.html` in the shared tab and runs its cases with `config`; `providerCalls.body` counts provider calls. */
  run(name: string, config: Record<string, unknown>): Promise<Record<string, CaseResult>>;
  close(): Promise<void>;
}

/** Bundles one test page for the browser; throws when a Node built-in would end up in it. */
export declare function buildPage(entry: string): Promise<BrowserBundle>;
/** Builds and serves `pages` ({ name: entry file }) and launches one Chromium with one reusable tab. */
export declare function startBrowserSuite(options: {
  pages: Record<string, string>;
  assumeRole?: () => Promise<NodeCredentials>;
}): Promise<BrowserSuite>;
