import * as smithy from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { NodeSha256 } from '../src/hash/sha256-node.js';
import { WebSha256 } from '../src/hash/sha256-web.js';
import { deriveSigningKey } from '../src/hash/signing-key.js';
import { GENERATED_HEADERS } from '../src/signer/compute-presign.js';

describe("smithy's rules written out in core", () => {
  it("drops smithy's own GENERATED_HEADERS when presigning", () => {
    expect([...GENERATED_HEADERS].sort()).toEqual([...smithy.GENERATED_HEADERS].sort());
  });

  it.each([
    ['node:crypto', NodeSha256],
    ['WebCrypto', WebSha256],
  ])('derives the signing key smithy derives (%s)', async (_, Sha256) => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
    const ours = await deriveSigningKey(Sha256, credentials.secretAccessKey, '20150830', 'us-east-1', 'iam');
    const theirs = await smithy.getSigningKey(Sha256, credentials, '20150830', 'us-east-1', 'iam');
    expect(Buffer.from(ours).toString('hex')).toBe(Buffer.from(theirs).toString('hex'));
  });
});
