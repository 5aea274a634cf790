import * as core from '@sigv4/core';
import ky2, { type KyInstance as Ky2Instance } from 'ky';
import ky1, { type KyInstance as Ky1Instance } from 'ky1';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isSigV4Error, SigV4Error, sigv4Hook, withSigV4 } from '../src/index.js';
import { captureFetch, verifyCaptured } from './support/capture-fetch.js';

const NOW = new Date('2026-03-04T05:06:07Z');
const credentials = { accessKeyId: 'AKIDKYUNITTEST', secretAccessKey: 'ky/unit+test/secret/EXAMPLEKEY' };
const options = { region: 'eu-central-1', service: 'execute-api', credentials, now: () => NOW };

describe('types', () => {
  it('gives back the instance type of ky 2 and of ky 1, without casts', async () => {
    const { calls, fetch } = captureFetch();
    const api2 = withSigV4(ky2.create({ prefix: 'https://api.example.test/dev', fetch }), options);
    const api1 = withSigV4(ky1.create({ prefixUrl: 'https://api.example.test/dev', fetch }), options);
    expectTypeOf(api2).toEqualTypeOf<Ky2Instance>();
    expectTypeOf(api1).toEqualTypeOf<Ky1Instance>();
    await api2.get('a');
    await api1.get('b');

    expect(calls.map((c) => verifyCaptured(c, { credentials, now: NOW }).ok)).toEqual([true, true]);
  });

  it("fits ky 2's hooks.init and type-checks in beforeRequest and beforeRetry of both majors", async () => {
    const { calls, fetch } = captureFetch();
    const sign = sigv4Hook(options);
    const api2 = ky2.extend({ fetch, hooks: { init: [sign] } });
    // Accepted by the types, refused at run time without init (README, "Hook order").
    ky2.extend({ hooks: { beforeRequest: [sign], beforeRetry: [sign] } });
    ky1.extend({ hooks: { beforeRequest: [sign], beforeRetry: [sign] } });
    // @ts-expect-error ky 1 has no init hook, which would never call it: its types say so.
    ky1.extend({ hooks: { init: [sign] } });
    await api2.get('https://api.example.test/dev/a');

    expect(calls.map((c) => verifyCaptured(c, { credentials, now: NOW }).ok)).toEqual([true]);
  });

  it('re-exports the SigV4Error and isSigV4Error of @sigv4/core', () => {
    expect(SigV4Error).toBe(core.SigV4Error);
    expect(isSigV4Error(new core.SigV4Error('INVALID_OPTIONS', 'x'))).toBe(true);
  });
});
