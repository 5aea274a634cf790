import * as smithy from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { GENERATED_HEADERS } from '../src/signer/compute-presign.js';

describe("smithy's data written out in core", () => {
  it("drops smithy's own GENERATED_HEADERS when presigning", () => {
    expect([...GENERATED_HEADERS].sort()).toEqual([...smithy.GENERATED_HEADERS].sort());
  });
});
