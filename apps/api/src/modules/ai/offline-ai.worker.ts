/** Worker-thread entry (bundled as dist/apps/api/offline-ai.worker.js): one offline AI per thread. */
import { createOfflineTaskHandler } from './offline-ai.tasks';

export default createOfflineTaskHandler();
