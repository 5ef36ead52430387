// GET /healthz: can the database answer, when did a poll last finish, which sources are failing.
import type { Config } from '../model.js';
import type { Store } from '../store/open-store.js';

export interface Health {
  readonly status: 200 | 503;
  readonly body: Record<string, unknown>;
}

// checkHealth is 503 only when the database cannot be read: failing sources are reported, not fatal,
// because a load balancer restarting the service would not bring a dead news site back.
export function checkHealth(store: Store, config: Config): Health {
  try {
    const stats = store.stats();
    const enabled = new Set(config.sources.filter((s) => s.enabled).map((s) => s.id));
    const failing = store
      .sourceStates()
      .filter((s) => enabled.has(s.id) && s.consecutiveFailures > 0)
      .map((s) => ({ id: s.id, consecutive_failures: s.consecutiveFailures, error: s.lastError }));
    return {
      status: 200,
      body: { status: 'ok', database: 'ok', items: stats.items, last_poll: stats.lastPollAt?.toISOString() ?? null, failing_sources: failing },
    };
  } catch (error) {
    return { status: 503, body: { status: 'error', database: `store: ${(error as Error).message}` } };
  }
}
