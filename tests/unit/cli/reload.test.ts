// Config hot reload reaches story detection: a source's new priority decides representatives of
// the items stored after the reload.
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { pollContext } from '../../../src/cli/context.js';
import { applyConfig, type LiveService } from '../../../src/cli/reload.js';
import { defaultSettings } from '../../../src/config/defaults.js';
import type { Config, SourceConfig } from '../../../src/model.js';
import { Scheduler } from '../../../src/worker/scheduler.js';
import { FORUM_BODY } from '../stories/story-cases.js';
import { parsed, source, tempStore, updated } from '../store/store-helpers.js';

// The reloaded detector reads the stored items of the last days by the real clock.
const NOW = Date.now() - 3_600_000;
// Nothing listens on port 9: the polls a reload starts fail at once and touch no item.
const unreachable = (id: string, fields: Partial<SourceConfig> = {}) => source(id, { url: `http://127.0.0.1:9/${id}.xml`, ...fields });
const configOf = (sources: SourceConfig[]): Config => ({ dir: '.', settings: defaultSettings, sources, topics: [] });

let scheduler: Scheduler | null = null;
afterEach(() => scheduler?.stop());

describe('applyConfig', () => {
  it('ranks story versions by the reloaded priorities', () => {
    const store = tempStore();
    const before = configOf([unreachable('a'), unreachable('b')]);
    store.syncSources(before.sources);
    const ctx = pollContext(before, store);
    scheduler = new Scheduler({ ctx, sources: before.sources });
    const live: LiveService = { config: before, store, scheduler, ctx, log: pino({ level: 'silent' }) };
    const save = (src: string, guid: string, minutes: number) => {
      const input = updated(src, [parsed({ guid, title: '강원 관광 미래포럼 개최', content: FORUM_BODY, published: new Date(NOW + minutes * 60_000) })]);
      if (input.result.status !== 'updated') throw new Error('an updated poll is needed');
      store.savePoll({ ...input, result: { ...input.result, ...(live.ctx.assignStory ? { assignStory: live.ctx.assignStory } : {}) } });
    };

    save('a', 'a1', 0);
    applyConfig(live, configOf([unreachable('a'), unreachable('b', { priority: 10 })]));
    save('b', 'b1', 30);

    const [story] = store.queryStories({});
    expect(story?.itemCount).toBe(2);
    expect(story?.versions.find((v) => v.id === story.representative)?.guid).toBe('b1');
  });
});
