/**
 * A quick look at a video's duration, before the real analysis: the browser's own `<video>`
 * element reads the container header. It does not judge the file: when the browser cannot read
 * it (an unsupported codec, a damaged file, or no answer within `timeoutMs`) the answer is `NaN`
 * and the decoder will give the precise reason.
 */
export function probeDurationS(file: Blob, timeoutMs = 4000): Promise<number> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const video = document.createElement('video');
    const finish = (durationS: number) => {
      clearTimeout(timer);
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
      resolve(durationS);
    };
    const timer = setTimeout(() => finish(Number.NaN), timeoutMs);
    video.preload = 'metadata';
    video.muted = true;
    video.onloadedmetadata = () => finish(video.duration);
    video.onerror = () => finish(Number.NaN);
    video.src = url;
  });
}
