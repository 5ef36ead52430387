// A fingerprint of everything classification depends on, so a changed topics.yaml is noticed.
import { createHash } from 'node:crypto';
import type { SourceConfig, TopicConfig } from '../model.js';

// Bump when matching itself changes (normalisation, keyword rules), so stored topics are redone.
const CLASSIFIER_VERSION = 1;

// topicsFingerprint hashes the topics and the source fields rules can name (region, tags).
export function topicsFingerprint(topics: readonly TopicConfig[], sources: readonly SourceConfig[]): string {
  const input = JSON.stringify({
    version: CLASSIFIER_VERSION,
    topics,
    sources: sources.map((s) => [s.id, s.region, s.tags]),
  });
  return createHash('sha256').update(input).digest('hex').slice(0, 32);
}
