// Shared by the fetch tests.
import type { FetchResult, SourceError } from '../../../src/model.js';

// failure returns a failed fetch's error, and fails the test for any other outcome.
export function failure(result: FetchResult): SourceError {
  if (result.status !== 'failed') throw new Error(`expected a failure, got ${result.status}`);
  return result.error;
}
