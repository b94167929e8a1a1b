import { describe, expect, it } from 'vitest';
import { isMissing } from './is-missing';
import { presentValues } from './present-values';

describe('isMissing / presentValues', () => {
  it('treats NaN and ±Infinity as missing, every finite number (0 included) as present', () => {
    expect([NaN, Infinity, -Infinity, 0, -0, 1e-300].map(isMissing)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false
    ]);
    const x = new Float64Array([1, NaN, 0, -Infinity, 3]);
    expect(presentValues(x)).toEqual([1, 0, 3]);
    expect(Array.from(x)).toEqual([1, NaN, 0, -Infinity, 3]);
  });
});
