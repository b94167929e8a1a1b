/**
 * Decides whether generated files are up to date with their inputs, so that `npm run models` after
 * an install costs almost nothing, yet never leaves a stale output behind.
 *
 * The stamp (a JSON file) records:
 * - the sha256 over every input's relative path and bytes: the real criterion;
 * - the sha256 of every output, to notice an output that was deleted or changed;
 * - a stat signature (size, mtime, ctime, inode) of every input and output: the fast path. If none
 *   changed, no file is hashed. The ctime cannot be set by tools (npm normalises mtimes when it
 *   extracts packages), so any rewrite of a file changes its signature, and then the hashes decide.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { PoseAssetError } from './pose-asset-error';

interface StampFile {
  readonly inputsSha256: string;
  /** By path relative to the base directory. */
  readonly outputsSha256: Record<string, string>;
  readonly signatures: Record<string, string>;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export class BuildStamp {
  private inputsSha256: string | null = null;

  /**
   * @param stampPath where the stamp is kept (outside any directory that gets served or committed)
   * @param baseDir paths are recorded relative to this directory
   * @param inputs every file the outputs are computed from, in a fixed order
   * @param outputs every generated file
   */
  constructor(
    private readonly stampPath: string,
    private readonly baseDir: string,
    private readonly inputs: readonly string[],
    private readonly outputs: readonly string[]
  ) {}

  /** True when the outputs exist and were built from inputs with the same content as now. */
  isFresh(): boolean {
    const stamp = this.read();
    if (!stamp) return false;
    const signatures = this.signatures();
    const sameFiles = Object.keys(signatures).length === Object.keys(stamp.signatures).length;
    if (sameFiles && Object.entries(signatures).every(([path, sig]) => stamp.signatures[path] === sig))
      return true;
    if (this.hashInputs() !== stamp.inputsSha256) return false;
    const outputsIntact = this.outputs.every(
      (file) => existsSync(file) && sha256File(file) === stamp.outputsSha256[this.key(file)]
    );
    if (outputsIntact) this.record(); // same content, rewritten files: refresh the fast path
    return outputsIntact;
  }

  /** Records the current inputs and outputs as a consistent, freshly built state. */
  record(): void {
    const stamp: StampFile = {
      inputsSha256: this.hashInputs(),
      outputsSha256: Object.fromEntries(this.outputs.map((file) => [this.key(file), sha256File(file)])),
      signatures: this.signatures()
    };
    mkdirSync(dirname(this.stampPath), { recursive: true });
    const tmp = `${this.stampPath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(stamp, null, 2) + '\n');
    renameSync(tmp, this.stampPath); // a concurrent run never reads half a stamp
  }

  private hashInputs(): string {
    if (this.inputsSha256 === null) {
      const hash = createHash('sha256');
      for (const file of this.inputs) {
        if (!existsSync(file))
          throw new PoseAssetError(`Input ${file} is missing; reinstall the npm packages.`);
        hash.update(this.key(file) + '\0').update(readFileSync(file));
      }
      this.inputsSha256 = hash.digest('hex');
    }
    return this.inputsSha256;
  }

  private signatures(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const file of [...this.inputs, ...this.outputs]) {
      const s = statSync(file, { throwIfNoEntry: false, bigint: true });
      out[this.key(file)] = s ? `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}` : 'missing';
    }
    return out;
  }

  private key(file: string): string {
    return relative(this.baseDir, file);
  }

  private read(): StampFile | null {
    try {
      const stamp = JSON.parse(readFileSync(this.stampPath, 'utf8')) as Partial<StampFile>;
      const valid =
        typeof stamp.inputsSha256 === 'string' &&
        typeof stamp.outputsSha256 === 'object' &&
        stamp.outputsSha256 !== null &&
        typeof stamp.signatures === 'object' &&
        stamp.signatures !== null;
      return valid ? (stamp as StampFile) : null;
    } catch {
      return null; // no stamp yet, or unreadable: rebuild
    }
  }
}
