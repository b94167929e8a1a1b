import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('quotes cells with commas, quotes and newlines, and leaves empty cells for null and NaN', () => {
    const text = toCsv(
      ['step', 'note', 'value'],
      [
        [1, 'left, near', 0.5],
        [2, 'said "hi"\nthen', null],
        [3, 'plain', Number.NaN]
      ]
    );
    expect(text).toBe('step,note,value\r\n1,"left, near",0.5\r\n2,"said ""hi""\nthen",\r\n3,plain,\r\n');
  });
  it('rejects a row of the wrong length', () => {
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(RangeError);
  });
});
