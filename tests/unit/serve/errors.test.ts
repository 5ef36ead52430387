// Status codes for what the client got wrong: 404, 405, 400 with a message that says what.
import { beforeAll, describe, expect, it } from 'vitest';
import { NOW, body, config, item, save, serve, tempStore, type Served } from './serve-helpers.js';

let app: Served;

beforeAll(async () => {
  const cfg = config();
  const store = tempStore(cfg);
  save(store, 'kado', [item(1, 3)]);
  app = await serve({ store, getConfig: () => cfg, clock: () => NOW });
});

const error = async (res: Response) => ({ status: res.status, type: res.headers.get('content-type'), body: await body(res) });

describe('errors', () => {
  it('answers 404 with JSON for an unknown path or topic', async () => {
    expect(await error(await app.get('/nope'))).toEqual({ status: 404, type: 'application/json; charset=utf-8', body: { error: 'nothing at /nope; the topics are listed at /' } });
    expect((await error(await app.get('/topics/sports.rss'))).body.error).toBe('no topic "sports"; the list is at /');
    expect((await app.get('/topics/sports')).status).toBe(404);
    expect((await app.get('/api/items?topic=sports')).status).toBe(404);
  });

  it('answers 405 with Allow: GET, HEAD to other methods', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await app.get('/topics/economy.rss', { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it.each([
    ['/topics/economy.rss?limit=0', 'limit must be a whole number from 1 to 500'],
    ['/topics/economy.rss?limit=501', 'limit must be a whole number from 1 to 500'],
    ['/topics/economy.json?limit=2.5', 'limit must be a whole number from 1 to 500'],
    ['/api/items?limit=abc', 'limit must be a whole number from 1 to 500'],
    ['/topics/economy.rss?filter_time=-5', 'filter_time must be a whole number of seconds, at least 1'],
    ['/api/items?since=yesterday', 'since must be an ISO 8601 time, e.g. 2024-12-01 or 2024-12-01T09:00+09:00'],
  ])('answers 400 to %s', async (path, message) => {
    expect(await error(await app.get(path))).toMatchObject({ status: 400, body: { error: message } });
  });

  it('answers 400 to an invalid regex in filter or filterout, naming the parameter', async () => {
    const res = await error(await app.get('/topics/economy.atom?filterout=(unclosed'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^filterout is not a valid regular expression: /);
    expect((await app.get(`/topics/economy.atom?filter=${'a'.repeat(201)}`)).status).toBe(400);
  });

  it('answers 400 to a regex with nested repetition, which could stall the server (ReDoS)', async () => {
    const res = await error(await app.get(`/topics/economy.json?filter=${encodeURIComponent('^(a+)+$')}`));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^filter nests repetition/);
    expect((await app.get(`/topics/economy.json?filterout=${encodeURIComponent('(\\w*)*x')}`)).status).toBe(400);
    expect((await app.get(`/topics/economy.json?filter=${encodeURIComponent('^\\[속보\\].*(춘천|원주)')}`)).status).toBe(200);
  });
});
