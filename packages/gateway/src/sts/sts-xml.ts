import { STS_XMLNS } from '../constants.js';
import type { AssumeRoleResult } from './sts-actions.js';

/** Escapes text for an XML element. @internal */
export function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** STS's error document (`ErrorResponse/Error{Type, Code, Message}`). @internal */
export function stsErrorXml(type: 'Sender' | 'Receiver', code: string, message: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_XMLNS}">\n` +
    `  <Error>\n    <Type>${type}</Type>\n    <Code>${xmlEscape(code)}</Code>\n    <Message>${xmlEscape(message)}</Message>\n  </Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
  );
}

/** The fields of an AssumeRole answer: the issued credentials of {@link AssumeRoleResult}. @internal */
export type AssumeRoleXml = Omit<AssumeRoleResult, 'ok' | 'action'>;

/** STS's `AssumeRoleResponse` document. @internal */
export function assumeRoleXml(r: AssumeRoleXml, requestId: string): string {
  return (
    `<AssumeRoleResponse xmlns="${STS_XMLNS}">\n  <AssumeRoleResult>\n` +
    `    <AssumedRoleUser>\n      <AssumedRoleId>${xmlEscape(r.assumedRoleId)}</AssumedRoleId>\n      <Arn>${xmlEscape(r.arn)}</Arn>\n    </AssumedRoleUser>\n` +
    `    <Credentials>\n      <AccessKeyId>${r.accessKeyId}</AccessKeyId>\n      <SecretAccessKey>${xmlEscape(r.secretAccessKey)}</SecretAccessKey>\n` +
    `      <SessionToken>${xmlEscape(r.sessionToken)}</SessionToken>\n      <Expiration>${r.expiration.toISOString()}</Expiration>\n    </Credentials>\n` +
    `  </AssumeRoleResult>\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</AssumeRoleResponse>\n`
  );
}

/** STS's `GetCallerIdentityResponse` document. @internal */
export function callerIdentityXml(arn: string, userId: string, account: string, requestId: string): string {
  return (
    `<GetCallerIdentityResponse xmlns="${STS_XMLNS}">\n  <GetCallerIdentityResult>\n` +
    `    <Arn>${xmlEscape(arn)}</Arn>\n    <UserId>${xmlEscape(userId)}</UserId>\n    <Account>${account}</Account>\n` +
    `  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n`
  );
}
