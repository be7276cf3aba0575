/**
 * Auth stores for tests: an in-memory database with migration 005, sealed with a test secret,
 * either empty (never linked) or holding the creds of a linked device.
 */
import { initAuthCreds } from '@whiskeysockets/baileys';
import { createVault } from '../../../bot/privacy/vault.js';
import { openDatabase } from '../../../store/sqlite-store.js';
import { WhatsAppAuthStore } from '../../../store/whatsapp-auth-store.js';
import { BOT } from './messages.js';

export const TEST_WA_SECRET = Buffer.from('whatsapp-test-secret-whatsapp-test-secret-01');

/** An empty session store (the device was never linked). */
export function emptyAuth(db = openDatabase(':memory:')) {
  const vault = createVault(TEST_WA_SECRET);
  return { db, vault, auth: new WhatsAppAuthStore(db, vault) };
}

/** A session store holding a linked device's creds (and one key), as after `whatsapp link`. */
export function linkedAuth(db = openDatabase(':memory:')) {
  const made = emptyAuth(db);
  const creds = initAuthCreds();
  creds.me = { id: BOT.pnDevice, lid: BOT.lidDevice, name: 'Centinela' };
  creds.account = {
    details: Buffer.from([1]),
    accountSignatureKey: Buffer.from([2]),
    accountSignature: Buffer.from([3]),
    deviceSignature: Buffer.from([4]),
  };
  creds.registered = true;
  made.auth.saveCreds(creds);
  void made.auth.keys.set({ 'pre-key': { '1': creds.noiseKey } });
  return made;
}
