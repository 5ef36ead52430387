// Prometheus metrics: counters kept by this process, gauges read from the store at each scrape.
import type { PollOutcome } from '../model.js';
import type { Store } from '../store/open-store.js';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

export interface Metrics {
  recordPoll(outcome: PollOutcome): void;
  recordRequest(route: string, status: number, seconds: number): void;
  /** The text exposition format 0.0.4, gauges read from `store` now. */
  render(store: Store): string;
}

// createMetrics starts every counter at zero: Prometheus counters reset when the process restarts.
export function createMetrics(): Metrics {
  const polls = new Map<string, number>();
  const failed = new Map<string, number>();
  const requests = new Map<string, number>();
  const latency = new Map<string, Histogram>();
  // recordRequest runs on every request: its label text is built once per route and status.
  const requestLabels = new Map<string, Map<number, string>>();
  const requestLabel = (route: string, status: number): string => {
    let byStatus = requestLabels.get(route);
    if (byStatus === undefined) requestLabels.set(route, (byStatus = new Map()));
    let text = byStatus.get(status);
    if (text === undefined) byStatus.set(status, (text = labels({ route, status: String(status) })));
    return text;
  };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  return {
    recordPoll(outcome) {
      bump(polls, labels({ source: outcome.source, status: outcome.status }));
      if (outcome.status === 'failed') bump(failed, labels({ source: outcome.source, kind: outcome.error.kind }));
    },
    recordRequest(route, status, seconds) {
      bump(requests, requestLabel(route, status));
      let h = latency.get(route);
      if (h === undefined) latency.set(route, (h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
      for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) h.counts[i] = (h.counts[i] ?? 0) + 1;
      h.sum += seconds;
      h.count += 1;
    },
    render(store) {
      const states = store.sourceStates();
      const lines = [
        ...family('regionwire_polls_total', 'counter', 'Polls finished by this process, by source and outcome.', polls),
        ...family('regionwire_polls_failed_total', 'counter', 'Failed polls by this process, by source and error kind.', failed),
        ...family('regionwire_items_total', 'gauge', 'Items in the database.', new Map([['', states.reduce((n, s) => n + s.itemCount, 0)]])),
        ...family('regionwire_source_items', 'gauge', 'Items in the database per source.', new Map(states.map((s) => [labels({ source: s.id }), s.itemCount]))),
        ...family(
          'regionwire_source_last_success_timestamp_seconds',
          'gauge',
          'Unix time of the last successful poll per source (0: never).',
          new Map(states.map((s) => [labels({ source: s.id }), (s.lastSuccessAt?.getTime() ?? 0) / 1000])),
        ),
        ...family('regionwire_source_consecutive_failures', 'gauge', 'Failed polls in a row per source.', new Map(states.map((s) => [labels({ source: s.id }), s.consecutiveFailures]))),
        ...family('regionwire_http_requests_total', 'counter', 'HTTP requests answered, by route and status.', requests),
        '# HELP regionwire_http_request_duration_seconds Time to answer an HTTP request, by route.',
        '# TYPE regionwire_http_request_duration_seconds histogram',
      ];
      for (const [route, h] of latency) {
        BUCKETS.forEach((le, i) => lines.push(`regionwire_http_request_duration_seconds_bucket${labels({ route, le: String(le) })} ${h.counts[i]}`));
        lines.push(`regionwire_http_request_duration_seconds_bucket${labels({ route, le: '+Inf' })} ${h.count}`);
        lines.push(`regionwire_http_request_duration_seconds_sum${labels({ route })} ${h.sum}`);
        lines.push(`regionwire_http_request_duration_seconds_count${labels({ route })} ${h.count}`);
      }
      return lines.join('\n') + '\n';
    },
  };
}

function family(name: string, type: string, help: string, values: Map<string, number>): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...[...values].map(([l, v]) => `${name}${l} ${v}`)];
}

// labels writes {a="1",b="2"} with the escapes the exposition format requires (\\, \", \n).
function labels(values: Record<string, string>): string {
  const parts = Object.entries(values).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return `{${parts.join(',')}}`;
}
