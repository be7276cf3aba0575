/**
 * The port the WhatsApp adapter and its set-up commands keep their linked-device session behind:
 * the account's credentials and Baileys' key store. The composition root gives them the sealed
 * SQLite implementation (store/whatsapp-auth-store.ts); the adapter never reaches the store
 * itself, and tests may give it any implementation.
 */
import type { AuthenticationCreds, AuthenticationState } from '@whiskeysockets/baileys';

export interface WhatsAppSessionStore {
  /** The session Baileys connects with (fresh credentials when none are stored). */
  state(): AuthenticationState;
  /** Stores updated credentials (Baileys' `creds.update`). */
  saveCreds(creds: AuthenticationCreds): void;
  /** Whether a device that finished linking is stored. */
  linked(): boolean;
  /** Forgets the whole session (logged out, or linking again). */
  clear(): void;
}
