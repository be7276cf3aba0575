/**
 * The WhatsApp session of the linked device (Baileys' `AuthenticationState`) in SQLite, never in
 * loose files: one generic `(type, id) → value` table (migration 005), so key types Baileys adds
 * later (v7 added `lid-mapping`, `device-list`, `tctoken`, `identity-key`) keep working.
 *
 * - Values are JSON written with Baileys' `BufferJSON` (Buffers and Uint8Arrays survive), sealed
 *   with the vault (AES-256-GCM): the file alone cannot be used to take over the account.
 * - Ids are stored as a keyed hash: Baileys' key ids contain the phone numbers and LIDs of the
 *   people the bot talked to, and keys are only ever looked up by exact id.
 * - `set` with a `null` value deletes the key (Baileys' convention); `clear()` wipes everything
 *   (after WhatsApp logged the device out, or before linking again).
 *
 * @example
 * const auth = new WhatsAppAuthStore(db, vault);
 * const sock = makeWASocket({ auth: auth.state(), ... });
 * sock.ev.on('creds.update', () => auth.saveCreds(sock.authState.creds));
 */
import { BufferJSON, initAuthCreds, proto } from '@whiskeysockets/baileys';
import type { AuthenticationCreds, AuthenticationState, SignalDataSet, SignalDataTypeMap, SignalKeyStore } from '@whiskeysockets/baileys';
import type Database from 'better-sqlite3';
import type { Vault } from '../bot/privacy/vault.js';
import type { WhatsAppSessionStore } from '../adapters/whatsapp/session-port.js';

/** What the store needs from the vault: sealing for values, keyed hashes for ids. */
export type AuthVault = Pick<Vault, 'seal' | 'open' | 'pseudonym'>;

/** The row type holding the account credentials (never a Baileys key type). */
const CREDS_TYPE = 'creds';
/** The `platform` argument of the id hash: keeps these hashes apart from tipster pseudonyms. */
const HASH_DOMAIN = 'whatsapp-auth';

type KeyType = keyof SignalDataTypeMap;

/** Whether creds belong to a device that finished linking (a scan or a pairing code). */
export function isLinked(creds: AuthenticationCreds | undefined): boolean {
  return creds !== undefined && creds.account !== undefined && creds.account !== null && typeof creds.me?.id === 'string';
}

export class WhatsAppAuthStore implements WhatsAppSessionStore {
  private readonly st: {
    get: Database.Statement;
    put: Database.Statement;
    del: Database.Statement;
    clear: Database.Statement;
    count: Database.Statement;
  };
  /** The key store Baileys reads and writes (any key type). */
  readonly keys: SignalKeyStore;

  constructor(
    db: Database.Database,
    private readonly vault: AuthVault,
  ) {
    this.st = {
      get: db.prepare('SELECT value FROM whatsapp_auth WHERE type = ? AND id = ?'),
      put: db.prepare(
        'INSERT INTO whatsapp_auth (type, id, value) VALUES (?, ?, ?) ON CONFLICT (type, id) DO UPDATE SET value = excluded.value',
      ),
      del: db.prepare('DELETE FROM whatsapp_auth WHERE type = ? AND id = ?'),
      clear: db.prepare('DELETE FROM whatsapp_auth'),
      count: db.prepare('SELECT COUNT(*) FROM whatsapp_auth').pluck(),
    };
    const setMany = db.transaction((data: SignalDataSet) => {
      for (const [type, entries] of Object.entries(data)) {
        for (const [id, value] of Object.entries(entries ?? {})) {
          if (value === null || value === undefined) this.st.del.run(type, this.hashId(type, id));
          else this.st.put.run(type, this.hashId(type, id), this.encode(value));
        }
      }
    });
    this.keys = {
      get: <T extends KeyType>(type: T, ids: string[]) => {
        const out: { [id: string]: SignalDataTypeMap[T] } = {};
        for (const id of ids) {
          const value = this.read(type, id);
          if (value === undefined) continue;
          out[id] = (
            type === 'app-state-sync-key' ? proto.Message.AppStateSyncKeyData.fromObject(value as object) : value
          ) as SignalDataTypeMap[T];
        }
        return out;
      },
      set: (data: SignalDataSet) => {
        setMany(data);
      },
      clear: () => this.clear(),
    };
  }

  /** The stored credentials, or `undefined` before the first link. */
  loadCreds(): AuthenticationCreds | undefined {
    return this.read(CREDS_TYPE, CREDS_TYPE) as AuthenticationCreds | undefined;
  }

  /** Saves the credentials (call on every `creds.update`). */
  saveCreds(creds: AuthenticationCreds): void {
    this.st.put.run(CREDS_TYPE, this.hashId(CREDS_TYPE, CREDS_TYPE), this.encode(creds));
  }

  /**
   * The auth state for a new socket: the stored creds, or fresh ones (saved at once, so that a
   * link in progress keeps its identity across socket restarts).
   */
  state(): AuthenticationState {
    let creds = this.loadCreds();
    if (!creds) {
      creds = initAuthCreds();
      this.saveCreds(creds);
    }
    return { creds, keys: this.keys };
  }

  /** Whether a linked device's session is stored. */
  linked(): boolean {
    return isLinked(this.loadCreds());
  }

  /** Whether anything at all is stored (creds or keys). */
  isEmpty(): boolean {
    return (this.st.count.get() as number) === 0;
  }

  /** Deletes the whole session: creds and every key. */
  clear(): void {
    this.st.clear.run();
  }

  private read(type: string, id: string): unknown {
    const row = this.st.get.get(type, this.hashId(type, id)) as { value: string } | undefined;
    if (!row) return undefined;
    return JSON.parse(this.vault.open(row.value), BufferJSON.reviver) as unknown;
  }

  private encode(value: unknown): string {
    return this.vault.seal(JSON.stringify(value, BufferJSON.replacer));
  }

  private hashId(type: string, id: string): string {
    return this.vault.pseudonym(HASH_DOMAIN, `${type}\u0000${id}`);
  }
}
