import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildStamp } from './build-stamp';
import { PoseAssetError } from './pose-asset-error';

let dir: string;
let input: string;
let output: string;
let stampPath: string;
const stamp = () => new BuildStamp(stampPath, dir, [input], [output]);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'build-stamp-'));
  input = join(dir, 'weights.bin');
  output = join(dir, 'bundle.task');
  stampPath = join(dir, 'cache', 'stamp.json');
  writeFileSync(input, 'weights v1');
  writeFileSync(output, 'bundle from v1');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('BuildStamp', () => {
  it('is stale before the first build and fresh right after it', () => {
    expect(stamp().isFresh()).toBe(false);
    stamp().record();
    expect(stamp().isFresh()).toBe(true);
  });

  it('is stale once an input changes', () => {
    stamp().record();
    writeFileSync(input, 'weights v2');
    expect(stamp().isFresh()).toBe(false);
  });

  it('stays fresh when an input is rewritten with the same content (e.g. a reinstall)', () => {
    stamp().record();
    unlinkSync(input);
    writeFileSync(input, 'weights v1');
    expect(stamp().isFresh()).toBe(true);
  });

  it('is stale when an output was deleted or altered', () => {
    stamp().record();
    unlinkSync(output);
    expect(stamp().isFresh()).toBe(false);
    writeFileSync(output, 'bundle from v0'); // same size, other bytes
    expect(stamp().isFresh()).toBe(false);
  });

  it('is stale when the stamp is unreadable, and explains a missing input', () => {
    stamp().record();
    writeFileSync(stampPath, '{ not json');
    expect(stamp().isFresh()).toBe(false);
    unlinkSync(input);
    expect(() => stamp().record()).toThrow(PoseAssetError);
  });
});
