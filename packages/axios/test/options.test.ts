import { SigV4Error } from '@sigv4/core';
import axios from 'axios';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachSigV4, sigv4Interceptor } from '../src/index.js';
import { CREDENTIALS } from './helpers.js';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('wrong arguments', () => {
  it('refuses attachSigV4 without an axios instance with INVALID_OPTIONS naming the argument', () => {
    for (const instance of [{}, null, undefined, 5, { interceptors: {} }, { interceptors: { request: {} } }]) {
      const error = thrownBy(() =>
        attachSigV4(instance as never, { region: 'eu-central-1', service: 'execute-api', credentials: CREDENTIALS }),
      );
      expect(error).toBeInstanceOf(SigV4Error);
      expect(error).toMatchObject({
        code: 'INVALID_OPTIONS',
        message: expect.stringMatching(/^@sigv4\/axios: attachSigV4\(instance, options\) takes an axios instance/),
      });
    }
  });

  it('refuses options that are not an object with INVALID_OPTIONS', () => {
    for (const options of [null, 5, 'eu-central-1', () => undefined]) {
      expect(thrownBy(() => sigv4Interceptor(options as never))).toMatchObject({
        code: 'INVALID_OPTIONS',
        message: expect.stringContaining('@sigv4/axios'),
      });
      expect(thrownBy(() => attachSigV4(axios.create(), options as never))).toMatchObject({ code: 'INVALID_OPTIONS' });
    }
  });

  it('throws only SigV4Errors for any instance and options (property)', () => {
    const options = fc.oneof(
      fc.anything(),
      fc.record(
        {
          region: fc.oneof(fc.constant('eu-central-1'), fc.anything()),
          service: fc.oneof(fc.constant('execute-api'), fc.anything()),
          credentials: fc.oneof(
            fc.constant(CREDENTIALS),
            fc.anything(),
            fc.record({ accessKeyId: fc.anything(), secretAccessKey: fc.anything(), sessionToken: fc.anything() }),
          ),
          credentialsTimeout: fc.anything(),
          unsignedPayload: fc.anything(),
          uriEscapePath: fc.anything(),
          applyChecksum: fc.anything(),
          now: fc.anything(),
          signer: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    );
    const instance = fc.oneof(fc.constant(axios.create()), fc.anything(), fc.record({ interceptors: fc.anything() }));
    fc.assert(
      fc.property(instance, options, (target, given) => {
        for (const run of [
          () => sigv4Interceptor(given as never),
          () => attachSigV4(target as never, given as never),
        ]) {
          const error = thrownBy(run);
          if (error !== undefined) expect(error).toBeInstanceOf(SigV4Error);
        }
      }),
      { numRuns: 500 },
    );
  });
});
