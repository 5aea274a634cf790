import { it, expect } from 'vitest';
it('placeholder runs', () => { expect(1 + 1).toBe(2); });
