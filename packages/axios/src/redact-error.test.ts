import { describe, expect, it } from 'vitest';
import { redactError } from './redact-error.js';

describe('redactError', () => {
  it('masks the secret in nested strings, arrays, symbol and non-enumerable properties', () => {
    const hidden = Symbol('hidden');
    const error = Object.assign(new Error('failed'), {
      config: { headers: { 'x-amz-security-token': 'tok-SECRET-en' } },
      list: [['x', 'a SECRET b']],
      [hidden]: { text: 'SECRET' },
    });
    Object.defineProperty(error, 'quiet', { value: { text: 'SECRET!' }, enumerable: false });
    redactError(error, 'SECRET');
    expect(error.config.headers['x-amz-security-token']).toBe('tok-[redacted]-en');
    expect(error.list[0]?.[1]).toBe('a [redacted] b');
    expect(error[hidden].text).toBe('[redacted]');
    expect((error as unknown as { quiet: { text: string } }).quiet.text).toBe('[redacted]!');
  });

  it('leaves requests that have not sent their headers, and dispatchers, as they are', () => {
    const queued = { _headerSent: false, _header: 'x-amz-security-token: SECRET' };
    const dispatcher = { dispatch: () => true, queue: ['SECRET'] };
    redactError({ agent: { requests: [queued] }, dispatcher }, 'SECRET');
    expect(queued._header).toContain('SECRET');
    expect(dispatcher.queue[0]).toBe('SECRET');
  });
});
