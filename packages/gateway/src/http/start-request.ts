import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResolvedGatewayOptions } from '../normalize-options.js';
import type { IdentityStore } from '../sts/identities.js';
import type { RecordedRequest } from '../types.js';
import { type Received, receive } from './receive.js';

/** What both listeners share: options, identities and the request log. @internal */
export interface ListenerContext {
  options: ResolvedGatewayOptions;
  identities: IdentityStore;
  requests: RecordedRequest[];
}

/** A request once read and recorded, ready to be answered. @internal */
export interface StartedRequest {
  received: Received;
  requestId: string;
  /** The gateway's clock when the request arrived. */
  nowMs: number;
}

/** The gateway's clock in epoch milliseconds. @internal */
export function clockMs(options: ResolvedGatewayOptions): number {
  const now = options.now();
  return typeof now === 'number' ? now : now.getTime();
}

/** Keeps the last `maxRecordedRequests`, each body cut to `maxRecordedBodyBytes`. */
function record(ctx: ListenerContext, entry: RecordedRequest): void {
  const { maxRecordedRequests, maxRecordedBodyBytes } = ctx.options;
  if (entry.body.length > maxRecordedBodyBytes) entry.body = Buffer.from(entry.body.subarray(0, maxRecordedBodyBytes));
  ctx.requests.push(entry);
  if (ctx.requests.length > maxRecordedRequests) ctx.requests.splice(0, ctx.requests.length - maxRecordedRequests);
}

/**
 * The start of every request on both listeners: read it, stamp the answer's `Date` from the
 * gateway's clock (so clients can correct their skew against it), record it.
 * @internal
 */
export async function startRequest(
  ctx: ListenerContext,
  api: RecordedRequest['api'],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<StartedRequest> {
  const received = await receive(req, api);
  const nowMs = clockMs(ctx.options);
  res.setHeader('date', new Date(nowMs).toUTCString());
  record(ctx, received.record);
  return { received, requestId: randomUUID(), nowMs };
}
