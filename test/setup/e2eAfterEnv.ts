import { shutdown } from '../e2e/harness';

/**
 * After every end-to-end test file, whatever its own hooks did: close each browser and server the
 * harness opened for it, and refuse any it is still asked for. A beforeAll that timed out keeps
 * running after jest gave up on it; if it opens Chromium later, that browser closes itself at once
 * instead of keeping jest alive.
 */
afterAll(() => shutdown(), 30000);
