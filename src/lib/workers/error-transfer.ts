/**
 * Typed errors across the comlink boundary. Comlink's own `throw` handler keeps only `name`,
 * `message` and `stack`, so the UI would lose the error's `code`. Both sides install
 * {@link installErrorTransfer}: the worker serialises `code` (and `codec`) too, and the client
 * rebuilds the same typed error class from them, so `instanceof UnsupportedCodecError` works on
 * the main thread. Cancellation crosses as a `DOMException` named `AbortError`.
 */
import { transferHandlers, type TransferHandler } from 'comlink';
import { MAX_CLIP_DURATION_S } from '../media/clip-limits';
import {
  ClipTooLongError,
  CorruptFileError,
  NoFramesError,
  NoVideoTrackError,
  NotAVideoError,
  TruncatedFileError,
  UnsupportedCodecError,
  VideoError
} from '../media/errors';
import { PoseError, PoseInferenceError, PoseModelLoadError, WebGLUnavailableError } from '../pose/errors';

/** The plain-data form of an error, safe for structured clone. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  codec?: string;
  /** Where a failed pose detection ran (`PoseInferenceError.delegate`). */
  delegate?: 'CPU' | 'GPU';
  stack?: string;
}

/** Plain data of any thrown value. */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof VideoError || e instanceof PoseError) {
    const out: SerializedError = { name: e.name, message: e.message, code: e.code, stack: e.stack };
    if (e instanceof UnsupportedCodecError) out.codec = e.codec;
    if (e instanceof PoseInferenceError && e.delegate) out.delegate = e.delegate;
    return out;
  }
  if (e instanceof Error || e instanceof DOMException)
    return { name: e.name, message: e.message, stack: e.stack };
  return { name: 'Error', message: String(e) };
}

/** Rebuilds the typed error that {@link serializeError} described (the class is chosen by `code`). */
export function reviveError(s: SerializedError): Error {
  const made = ((): Error => {
    switch (s.code) {
      case 'not-a-video':
        return new NotAVideoError();
      case 'no-video-track':
        return new NoVideoTrackError();
      case 'unsupported-codec':
        return new UnsupportedCodecError(s.codec ?? null);
      case 'corrupt-file':
        return new CorruptFileError();
      case 'no-frames':
        return new NoFramesError();
      case 'too-long':
        return new ClipTooLongError(MAX_CLIP_DURATION_S);
      case 'truncated':
        return new TruncatedFileError('');

      case 'model-load-failed':
        return new PoseModelLoadError();
      case 'webgl-unavailable':
        return new WebGLUnavailableError();
      case 'inference-failed':
        return new PoseInferenceError('', s.delegate ?? null);
    }
    if (s.name === 'AbortError') return new DOMException(s.message, 'AbortError');
    const e = new Error(s.message);
    e.name = s.name;
    return e;
  })();
  // Keep the worker's exact message (it may carry a detail) and stack.
  Object.defineProperty(made, 'message', { value: s.message, configurable: true, writable: true });
  if (s.stack) Object.defineProperty(made, 'stack', { value: s.stack, configurable: true, writable: true });
  return made;
}

interface ThrownValue {
  value: unknown;
}
type ThrowWire = { isError: true; value: SerializedError } | { isError: false; value: unknown };

let installed = false;

/** Replaces comlink's `throw` transfer handler on this side of the boundary (idempotent). */
export function installErrorTransfer(): void {
  if (installed) return;
  const original = transferHandlers.get('throw') as TransferHandler<ThrownValue, ThrowWire>;
  const handler: TransferHandler<ThrownValue, ThrowWire> = {
    canHandle: original.canHandle,
    serialize({ value }) {
      if (value instanceof Error || value instanceof DOMException)
        return [{ isError: true, value: serializeError(value) }, []];
      return [{ isError: false, value }, []];
    },
    deserialize(wire) {
      if (wire.isError) throw reviveError(wire.value);
      throw wire.value;
    }
  };
  transferHandlers.set('throw', handler as TransferHandler<unknown, unknown>);
  installed = true;
}
