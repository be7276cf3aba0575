/** The fake Bot API answers like the real one (raw HTTP, no grammY in between). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeBotApi } from './fake-bot-api.js';
import { IDS, fixture, groupChat, privateChat } from './updates.js';

describe('FakeBotApi', () => {
  let api: FakeBotApi;
  beforeEach(async () => {
    api = await FakeBotApi.start({ maxPollSeconds: 1 });
  });
  afterEach(() => api.close());

  async function call(method: string, body?: Record<string, unknown>, opts: { token?: string; form?: boolean; get?: boolean } = {}) {
    const url = `${api.apiRoot}/bot${opts.token ?? api.token}/${method}`;
    let res: Response;
    if (opts.get) res = await fetch(`${url}?${new URLSearchParams(body as Record<string, string>)}`);
    else if (opts.form) res = await fetch(url, { method: 'POST', body: new URLSearchParams(body as Record<string, string>) });
    else res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    return {
      status: res.status,
      body: (await res.json()) as { ok: boolean; result?: unknown; error_code?: number; description?: string; parameters?: unknown },
    };
  }

  it('refuses an unknown token with 401 and an unknown method with 404', async () => {
    expect(await call('getMe', {}, { token: '1:wrong' })).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect((await call('sendPigeon')).status).toBe(404);
    expect((await call('getMe')).body.result).toMatchObject({ id: api.botInfo.id, is_bot: true, username: 'CentinelaBot' });
  });

  it('validates sendMessage like the real API, from JSON, form and query parameters', async () => {
    api.addChat(privateChat(IDS.maria));
    expect((await call('sendMessage', { text: 'x' })).body.description).toBe('Bad Request: chat_id is empty');
    expect((await call('sendMessage', { chat_id: IDS.maria })).body.description).toBe('Bad Request: message text is empty');
    expect((await call('sendMessage', { chat_id: 5, text: 'x' })).body.description).toBe('Bad Request: chat not found');
    expect((await call('sendMessage', { chat_id: IDS.maria, text: 'x'.repeat(4097) })).body.description).toBe(
      'Bad Request: message is too long',
    );
    const markup = { inline_keyboard: [[{ text: 'a', callback_data: 'x'.repeat(65) }]] };
    expect((await call('sendMessage', { chat_id: IDS.maria, text: 'x', reply_markup: markup })).body.description).toBe(
      'Bad Request: BUTTON_DATA_INVALID',
    );
    expect((await call('sendMessage', { chat_id: IDS.maria, text: 'x', reply_parameters: { message_id: 99 } })).body.description).toBe(
      'Bad Request: message to be replied not found',
    );
    expect((await call('sendMessage', { chat_id: String(IDS.maria), text: 'form' }, { form: true })).body.ok).toBe(true);
    expect((await call('sendMessage', { chat_id: String(IDS.maria), text: 'query' }, { get: true })).body.ok).toBe(true);
    expect((await call('sendMessage', { chat_id: IDS.maria, text: 'md', parse_mode: 'MarkdownV2' })).body.ok).toBe(true);
    expect(api.calls('sendMessage').at(-1)!.params['parse_mode']).toBe('MarkdownV2'); // recorded, for assertions
    expect(api.sentTexts(IDS.maria)).toEqual(['form', 'query', 'md']);
  });

  it('answers a migrated group with migrate_to_chat_id, a blocked user with 403, failNext first', async () => {
    api.addChat(groupChat(IDS.group));
    api.migrateChat(IDS.group, IDS.supergroup);
    expect((await call('sendMessage', { chat_id: IDS.group, text: 'x' })).body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: IDS.supergroup },
    });
    api.addChat(privateChat(IDS.maria));
    api.blockChat(IDS.maria);
    expect((await call('sendMessage', { chat_id: IDS.maria, text: 'x' })).status).toBe(403);
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } });
    expect((await call('sendMessage', { chat_id: IDS.supergroup, text: 'x' })).body).toMatchObject({
      error_code: 429,
      parameters: { retry_after: 2 },
    });
    expect((await call('sendMessage', { chat_id: IDS.supergroup, text: 'x' })).body.ok).toBe(true);
  });

  it('fails only calls to one chat when failNext names it', async () => {
    api.addChat(privateChat(IDS.maria));
    api.addChat(groupChat(IDS.supergroup));
    api.failNext(
      'sendMessage',
      { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
      { chatId: IDS.supergroup },
    );
    expect((await call('sendMessage', { chat_id: IDS.maria, text: 'x' })).body.ok).toBe(true); // another chat: untouched
    expect((await call('sendMessage', { chat_id: String(IDS.supergroup), text: 'x' }, { form: true })).body).toMatchObject({
      error_code: 429,
      parameters: { retry_after: 3 },
    });
    expect((await call('sendMessage', { chat_id: IDS.supergroup, text: 'x' })).body.ok).toBe(true); // once only
  });

  it('answers late after slow(method, ms), and on time again after slow(method, 0)', async () => {
    api.addChat(privateChat(IDS.maria));
    api.slow('sendMessage', 300);
    let started = Date.now();
    expect((await call('sendMessage', { chat_id: IDS.maria, text: 'x' })).body.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect((await call('getMe')).body.ok).toBe(true); // other methods are not slowed
    api.slow('sendMessage', 0);
    started = Date.now();
    await call('sendMessage', { chat_id: IDS.maria, text: 'y' });
    expect(Date.now() - started).toBeLessThan(250);
    expect(api.calls('sendMessage')[0]!.at).toBeLessThanOrEqual(api.calls('sendMessage')[1]!.at);
  });

  it('long-polls getUpdates: offset confirms, timeout honoured and bounded, 409 while a webhook is set', async () => {
    const id = api.pushUpdate(fixture('private-text'));
    expect((await call('getUpdates', { offset: 0 })).body.result).toHaveLength(1);
    expect((await call('getUpdates', { offset: 0 })).body.result).toHaveLength(1); // not confirmed yet
    const started = Date.now();
    expect((await call('getUpdates', { offset: id + 1, timeout: 30 })).body.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900); // waited, bounded by maxPollSeconds
    expect(api.updates).toEqual([]);
    const waiting = call('getUpdates', { offset: id + 1, timeout: 1 });
    setTimeout(() => api.pushUpdate(fixture('location')), 50);
    expect(((await waiting).body.result as unknown[]).length).toBe(1);
    expect((await call('setWebhook', { url: 'http://insecure' })).body.description).toMatch(/HTTPS URL/);
    expect((await call('setWebhook', { url: 'https://x.example/h', secret_token: 'bad secret!' })).body.ok).toBe(false);
    expect((await call('setWebhook', { url: 'https://x.example/h', secret_token: 'good_secret' })).body.ok).toBe(true);
    expect((await call('getUpdates', {})).status).toBe(409);
    expect((await call('deleteWebhook', {})).body.ok).toBe(true);
    expect((await call('getUpdates', {})).status).toBe(200);
  });

  it('ends a waiting getUpdates with 409 when another one arrives', async () => {
    const first = call('getUpdates', { timeout: 1 });
    await new Promise((r) => setTimeout(r, 50));
    const second = call('getUpdates', { timeout: 0 });
    expect((await first).status).toBe(409);
    expect((await second).status).toBe(200);
  });

  it('serves getFile and downloads, and refuses files over 20 MB', async () => {
    const f = api.addFile('file-1', new Uint8Array([1, 2, 3]), { file_path: 'photos/file_1.jpg' });
    expect((await call('getFile', { file_id: 'file-1' })).body.result).toEqual({
      file_id: 'file-1',
      file_unique_id: 'u-file-1',
      file_size: 3,
      file_path: f.file_path,
    });
    const res = await fetch(`${api.apiRoot}/file/bot${api.token}/${f.file_path}`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect((await fetch(`${api.apiRoot}/file/bot1:wrong/${f.file_path}`)).status).toBe(404);
    api.addFile('big', new Uint8Array(1), { file_size: 21 * 1024 * 1024 });
    expect((await call('getFile', { file_id: 'big' })).body.description).toBe('Bad Request: file is too big');
    expect((await call('getFile', { file_id: 'nope' })).body.description).toBe('Bad Request: invalid file_id');
  });

  it('answers a callback query once', async () => {
    api.pushUpdate(fixture('callback-query'));
    expect((await call('answerCallbackQuery', { callback_query_id: '4382bfdwdsb323b2d9' })).body.ok).toBe(true);
    expect((await call('answerCallbackQuery', { callback_query_id: '4382bfdwdsb323b2d9' })).body.description).toMatch(/query is too old/);
  });
});
