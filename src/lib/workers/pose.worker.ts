/// <reference lib="webworker" />
/**
 * The pose worker: a thin comlink expose of the pose service (see `pose-service.ts`).
 * Created by `PoseClient` as a module worker; one worker = one landmarker.
 */
import { expose } from 'comlink';
import { installErrorTransfer } from './error-transfer';
import { createPoseService } from './pose-service';

installErrorTransfer();
expose(createPoseService(self));
