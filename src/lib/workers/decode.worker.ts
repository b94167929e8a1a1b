/// <reference lib="webworker" />
/**
 * The decode worker of one file job: it receives a `MessagePort` (the pose worker holds the other
 * end) and serves the frame service on it through comlink. `PoseClient` starts one per job and
 * terminates it when the job ends, which also frees anything the job left behind.
 */
import { expose } from 'comlink';
import { createFrameService } from '../media/frame-service';
import { installErrorTransfer } from './error-transfer';

installErrorTransfer();
self.addEventListener(
  'message',
  (e: MessageEvent<MessagePort>) => {
    expose(createFrameService(), e.data);
  },
  { once: true }
);
