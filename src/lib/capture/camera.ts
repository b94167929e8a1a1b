/**
 * The webcam: list cameras and open one. Every failure becomes a {@link CameraError}.
 */
import { CameraError, fromGetUserMediaError } from './camera-error';

/** A camera the person can choose. */
export interface CameraChoice {
  deviceId: string;
  /** The browser's label, or "Camera 1", "Camera 2" … before permission is given. */
  label: string;
}

function mediaDevices(): MediaDevices {
  const devices = globalThis.navigator?.mediaDevices;
  if (!devices?.getUserMedia) throw new CameraError('unsupported');
  return devices;
}

/** The video inputs, in the browser's order. Labels are empty until permission is given. */
export async function listCameras(): Promise<CameraChoice[]> {
  try {
    const all = await mediaDevices().enumerateDevices();
    return all
      .filter((d) => d.kind === 'videoinput')
      .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
  } catch (e) {
    throw fromGetUserMediaError(e);
  }
}

/**
 * Opens a camera (video only, landscape 1280×720 preferred at 30 fps): `deviceId` exactly when given,
 * else the browser's default. Rejects with {@link CameraError}.
 */
export async function openCamera(deviceId?: string): Promise<MediaStream> {
  try {
    return await mediaDevices().getUserMedia({
      audio: false,
      video: {
        ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
        width: { ideal: 1280 },
        height: { ideal: 720 },
        frameRate: { ideal: 30 }
      }
    });
  } catch (e) {
    throw fromGetUserMediaError(e);
  }
}

/** Stops every track of a stream (turns the camera light off). */
export function closeCamera(stream: MediaStream | null): void {
  stream?.getTracks().forEach((t) => t.stop());
}
