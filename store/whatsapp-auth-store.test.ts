import { BufferJSON, initAuthCreds, proto } from '@whiskeysockets/baileys';
import type { SignalDataSet } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { createVault } from '../bot/privacy/vault.js';
import { openDatabase } from './sqlite-store.js';
import { isLinked, WhatsAppAuthStore } from './whatsapp-auth-store.js';

const SECRET = Buffer.from('whatsapp-auth-store-test-secret-0123456789');
const PN_USER = '15551234567';
const LID_USER = '123456789012345';

function setup() {
  const db = openDatabase(':memory:');
  const vault = createVault(SECRET);
  return { db, vault, store: new WhatsAppAuthStore(db, vault) };
}

function rows(db: ReturnType<typeof openDatabase>): { type: string; id: string; value: string }[] {
  return db.prepare('SELECT type, id, value FROM whatsapp_auth').all() as { type: string; id: string; value: string }[];
}

describe('WhatsAppAuthStore', () => {
  it('round-trips creds with their Buffers, and only the stored creds count as linked', () => {
    const { db, vault, store } = setup();
    expect(store.loadCreds()).toBeUndefined();
    expect(store.linked()).toBe(false);

    const state = store.state();
    expect(Buffer.isBuffer(state.creds.noiseKey.private)).toBe(true);
    expect(isLinked(state.creds)).toBe(false);
    // Fresh creds are saved at once: a second socket during linking keeps the same identity.
    expect(store.loadCreds()!.noiseKey.public).toEqual(state.creds.noiseKey.public);

    state.creds.me = { id: `${PN_USER}:7@s.whatsapp.net`, lid: `${LID_USER}:7@lid`, name: 'Centinela' };
    state.creds.account = {
      details: Buffer.from([1, 2, 3]),
      accountSignatureKey: Buffer.from([4]),
      accountSignature: Buffer.from([5]),
      deviceSignature: Buffer.from([6]),
    };
    state.creds.routingInfo = Buffer.from('routing');
    store.saveCreds(state.creds);

    const again = new WhatsAppAuthStore(db, vault).loadCreds()!;
    expect(Buffer.isBuffer(again.noiseKey.private)).toBe(true);
    expect(Buffer.from(again.noiseKey.private).equals(Buffer.from(state.creds.noiseKey.private))).toBe(true);
    expect(Buffer.isBuffer(again.signedIdentityKey.public)).toBe(true);
    expect(Buffer.isBuffer(again.signedPreKey.signature)).toBe(true);
    expect(Buffer.isBuffer(again.routingInfo)).toBe(true);
    expect(again.routingInfo!.toString()).toBe('routing');
    expect(again.registrationId).toBe(state.creds.registrationId);
    expect(again.advSecretKey).toBe(state.creds.advSecretKey);
    expect(again.me).toEqual(state.creds.me);
    expect(new WhatsAppAuthStore(db, vault).linked()).toBe(true);
  });

  it('gets and sets keys of every type, Buffers and Uint8Arrays included', async () => {
    const { store } = setup();
    const creds = initAuthCreds();
    const data: SignalDataSet = {
      'pre-key': { '1': creds.signedIdentityKey, '2': creds.noiseKey },
      session: { [`${LID_USER}_1.0`]: new Uint8Array([9, 8, 7]) },
      'sender-key': { [`120363000000000001@g.us::${LID_USER}_1::0`]: Buffer.from('sk') },
      'sender-key-memory': { '120363000000000001@g.us': { [`${LID_USER}:0@lid`]: true } },
      'app-state-sync-key': {
        AAAAAOxy: { keyData: Buffer.from('kd'), fingerprint: { rawId: 1, currentIndex: 2, deviceIndexes: [0, 1] }, timestamp: 1700000000 },
      },
      'app-state-sync-version': {
        regular: { version: 3, hash: Buffer.alloc(128, 1), indexValueMap: { abc: { valueMac: Buffer.from('mac') } } },
      },
      'lid-mapping': { [PN_USER]: LID_USER, [`${LID_USER}_reverse`]: PN_USER },
      'device-list': { [LID_USER]: ['0', '1'] },
      tctoken: { [`${LID_USER}@lid`]: { token: Buffer.from('tok'), timestamp: '1700000000' } },
      'identity-key': { [`${LID_USER}.0`]: new Uint8Array([5, 5]) },
    };
    await store.keys.set(data);

    const preKeys = await store.keys.get('pre-key', ['1', '2', '3']);
    expect(Object.keys(preKeys)).toEqual(['1', '2']);
    expect(Buffer.isBuffer(preKeys['1']!.private)).toBe(true);
    expect(Buffer.from(preKeys['2']!.public).equals(Buffer.from(creds.noiseKey.public))).toBe(true);

    const session = (await store.keys.get('session', [`${LID_USER}_1.0`]))[`${LID_USER}_1.0`]!;
    expect(Buffer.from(session)).toEqual(Buffer.from([9, 8, 7]));
    expect((await store.keys.get('sender-key-memory', ['120363000000000001@g.us']))['120363000000000001@g.us']).toEqual({
      [`${LID_USER}:0@lid`]: true,
    });

    const appKey = (await store.keys.get('app-state-sync-key', ['AAAAAOxy']))['AAAAAOxy']!;
    expect(appKey).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
    expect(Buffer.from(appKey.keyData!).toString()).toBe('kd');
    expect(appKey.fingerprint?.deviceIndexes).toEqual([0, 1]);

    const version = (await store.keys.get('app-state-sync-version', ['regular']))['regular']!;
    expect(Buffer.isBuffer(version.hash) && version.hash.length).toBe(128);
    expect(Buffer.isBuffer(version.indexValueMap['abc']!.valueMac)).toBe(true);

    expect(await store.keys.get('lid-mapping', [PN_USER, `${LID_USER}_reverse`, 'nobody'])).toEqual({
      [PN_USER]: LID_USER,
      [`${LID_USER}_reverse`]: PN_USER,
    });
    expect(await store.keys.get('device-list', [LID_USER])).toEqual({ [LID_USER]: ['0', '1'] });
    const token = (await store.keys.get('tctoken', [`${LID_USER}@lid`]))[`${LID_USER}@lid`]!;
    expect(Buffer.isBuffer(token.token) && token.token.toString()).toBe('tok');
    expect(Buffer.from((await store.keys.get('identity-key', [`${LID_USER}.0`]))[`${LID_USER}.0`]!)).toEqual(Buffer.from([5, 5]));
  });

  it('keeps key types it has never heard of (future Baileys versions)', async () => {
    const { store } = setup();
    // A type name this Baileys version does not have: the store must not whitelist types.
    const keys = store.keys as unknown as {
      set(d: Record<string, Record<string, unknown>>): Promise<void> | void;
      get(t: string, ids: string[]): Promise<Record<string, unknown>> | Record<string, unknown>;
    };
    await keys.set({ 'future-key': { a: { blob: Buffer.from('x'), n: 1 } } });
    const got = (await keys.get('future-key', ['a']))['a'] as { blob: Buffer; n: number };
    expect(Buffer.isBuffer(got.blob) && got.blob.toString()).toBe('x');
    expect(got.n).toBe(1);
    // Same id under another type is another key.
    expect(await keys.get('session', ['a'])).toEqual({});
  });

  it('deletes a key set to null, and overwrites on a second set', async () => {
    const { store } = setup();
    await store.keys.set({ session: { s1: new Uint8Array([1]), s2: new Uint8Array([2]) } });
    await store.keys.set({ session: { s1: null, s2: new Uint8Array([3]) } });
    const got = await store.keys.get('session', ['s1', 's2']);
    expect(Object.keys(got)).toEqual(['s2']);
    expect(Buffer.from(got['s2']!)).toEqual(Buffer.from([3]));
  });

  it('stores neither values nor ids in plaintext', async () => {
    const { db, store } = setup();
    const state = store.state();
    state.creds.me = { id: `${PN_USER}:7@s.whatsapp.net`, name: 'Centinela' };
    store.saveCreds(state.creds);
    await store.keys.set({ 'lid-mapping': { [PN_USER]: LID_USER }, session: { [`${LID_USER}_1.0`]: Buffer.from('SESSION-SECRET') } });
    const all = rows(db);
    expect(all.map((r) => r.type).sort()).toEqual(['creds', 'lid-mapping', 'session']);
    const dump = JSON.stringify(all);
    for (const needle of [PN_USER, LID_USER, 'SESSION-SECRET', Buffer.from('SESSION-SECRET').toString('base64'), 'noiseKey', 'Centinela']) {
      expect(dump).not.toContain(needle);
    }
    // The sealed value opens to the BufferJSON form.
    const sealed = all.find((r) => r.type === 'session')!.value;
    const opened = JSON.parse(createVault(SECRET).open(sealed), BufferJSON.reviver) as Buffer;
    expect(opened.toString()).toBe('SESSION-SECRET');
  });

  it('cannot be read with another secret', async () => {
    const { db, store } = setup();
    await store.keys.set({ session: { s: new Uint8Array([1]) } });
    const other = new WhatsAppAuthStore(db, createVault(Buffer.from('another-secret-another-secret-0123456789')));
    // Other ids (keyed hash): the key is simply not found.
    expect(await other.keys.get('session', ['s'])).toEqual({});
  });

  it('clear() wipes creds and keys', async () => {
    const { db, store } = setup();
    store.state();
    await store.keys.set({ 'pre-key': { '1': initAuthCreds().noiseKey } });
    expect(store.isEmpty()).toBe(false);
    await store.keys.clear!();
    expect(rows(db)).toEqual([]);
    store.state();
    store.clear();
    expect(store.isEmpty()).toBe(true);
    expect(store.loadCreds()).toBeUndefined();
  });
});
