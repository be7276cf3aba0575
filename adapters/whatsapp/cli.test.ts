import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../bot/messages.js';
import { emptyAuth, linkedAuth } from '../../tests/fakes/whatsapp/auth.js';
import { disconnects } from '../../tests/fakes/whatsapp/boom.js';
import { FakeWhatsApp } from '../../tests/fakes/whatsapp/fake-socket.js';
import { RESPONDER_GROUP, VERIFIER_GROUP, dmFrom, text, waMessage } from '../../tests/fakes/whatsapp/messages.js';
import { WhatsAppAuthStore } from '../../store/whatsapp-auth-store.js';
import { WhatsAppAdapter } from './adapter.js';
import { pairingNumber, whatsappGroups, whatsappLink, WhatsAppSetupError } from './cli.js';
import { parseWhatsAppConfig } from './config.js';

function buffer() {
  let text = '';
  return { out: { write: (s: string) => void (text += s) }, text: () => text };
}

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('whatsappLink', () => {
  it('shows the QR, follows the 515 restart after the scan, stores the session; npm start then needs no scan', async () => {
    const wa = new FakeWhatsApp();
    const { db, vault, auth } = emptyAuth();
    const b = buffer();
    const linking = whatsappLink({ session: new WhatsAppAuthStore(db, vault), socketFactory: wa.factory }, b.out);
    await until(() => b.text().includes('Link a device'));
    expect(b.text()).toContain('Stop the running Centinela first');
    expect(b.text()).toMatch(/[█▀▄]/); // a terminal QR
    wa.current.showQr('2@SECONDREF,NOISE,IDENTITY,ADV'); // refreshed after 20 s
    await until(() => b.text().includes('A new code'));
    wa.current.completePairing(); // scanned: creds filled in, then 515
    await linking;
    expect(wa.sockets).toHaveLength(2); // a new socket after "restart required"
    expect(wa.sockets.every((s) => s.ended)).toBe(true); // the CLI closes its connection
    expect(b.text()).toContain('WhatsApp is linked');
    expect(auth.linked()).toBe(true);

    // The server: connects with the stored session, no QR, and receives.
    const parsed = parseWhatsAppConfig({});
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const adapter = new WhatsAppAdapter({ config: parsed.config, auth, socketFactory: wa.factory });
    const got: InboundMessage[] = [];
    await adapter.start(async (m) => void got.push(m));
    await until(() => adapter.health().state === 'up');
    wa.current.deliver([waMessage(dmFrom(), text('hola'))]);
    await until(() => got.length === 1);
    await adapter.stop();
  });

  it('with a phone number: asks for a pairing code and shows it (never the number)', async () => {
    const wa = new FakeWhatsApp();
    const { db, vault, auth } = emptyAuth();
    const b = buffer();
    const linking = whatsappLink(
      { session: new WhatsAppAuthStore(db, vault), socketFactory: wa.factory, phone: '+1 (555) 010-0000' },
      b.out,
    );
    await until(() => b.text().includes('FAKE-1234'));
    expect(wa.current.pairingRequests).toEqual(['15550100000']);
    wa.current.showQr(); // later QR refreshes do not ask again
    await new Promise((r) => setTimeout(r, 20));
    expect(wa.current.pairingRequests).toHaveLength(1);
    wa.current.completePairing();
    await linking;
    expect(auth.linked()).toBe(true);
    expect(b.text()).not.toMatch(/555|0100000/);
    expect(b.text()).toContain('Link with phone number instead');
  });

  it('refuses to replace a linked session unless forced', async () => {
    const wa = new FakeWhatsApp();
    const { db, vault, auth } = linkedAuth();
    await expect(whatsappLink({ session: new WhatsAppAuthStore(db, vault), socketFactory: wa.factory }, buffer().out)).rejects.toThrow(
      /already linked.*--force/,
    );
    expect(wa.sockets).toHaveLength(0);
    const b = buffer();
    const linking = whatsappLink({ session: new WhatsAppAuthStore(db, vault), socketFactory: wa.factory, force: true }, b.out);
    await until(() => b.text().includes('Link a device'));
    expect(auth.linked()).toBe(false); // the old session was dropped
    wa.current.completePairing();
    await linking;
    expect(auth.linked()).toBe(true);
  });

  it('reports a refused link and an expired code as admin-readable errors', async () => {
    for (const [close, message] of [
      [disconnects.loggedOut, /logged out/],
      [() => Object.assign(disconnects.connectionLost(), { output: { statusCode: 408 } }), /expired/],
      [disconnects.connectionReplaced, /Another connection/],
    ] as const) {
      const wa = new FakeWhatsApp();
      const { db, vault } = emptyAuth();
      const b = buffer();
      const linking = whatsappLink({ session: new WhatsAppAuthStore(db, vault), socketFactory: wa.factory }, b.out);
      await until(() => b.text().includes('Link a device'));
      wa.current.close(close());
      const err = await linking.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WhatsAppSetupError);
      expect((err as Error).message).toMatch(message);
    }
  });

  it('gives up after the timeout', async () => {
    const wa = new FakeWhatsApp({ autoOpen: false });
    const { db, vault } = emptyAuth();
    await expect(
      whatsappLink({ session: new WhatsAppAuthStore(db, vault), socketFactory: wa.factory, timeoutMs: 30 }, buffer().out),
    ).rejects.toThrow(/Gave up/);
    expect(wa.current.ended).toBe(true);
  });

  it('checks the phone number without repeating it', () => {
    expect(pairingNumber('+52 1 55 1234 5678')).toBe('5215512345678');
    expect(pairingNumber('0044 20 7946 0000')).toBe('442079460000');
    const err = (() => {
      try {
        pairingNumber('call 555-1234 please');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(WhatsAppSetupError);
    expect(err!.message).not.toContain('1234');
  });
});

describe('whatsappGroups', () => {
  it('lists the groups with names and JIDs, and a snippet for the config', async () => {
    const wa = new FakeWhatsApp();
    wa.groups = [
      { id: RESPONDER_GROUP, subject: 'Respuesta Este\n', owner: undefined, participants: [], size: 41 },
      { id: VERIFIER_GROUP, subject: 'Verificación', owner: undefined, participants: [{ id: '1@lid' }, { id: '2@lid' }] },
    ];
    const { db, vault } = linkedAuth();
    const b = buffer();
    await whatsappGroups({ session: new WhatsAppAuthStore(db, vault), socketFactory: wa.factory }, b.out);
    expect(b.text()).toBe(
      [
        'WhatsApp groups of this account (2):',
        '',
        '  Respuesta Este',
        `    id: ${RESPONDER_GROUP}  (41 members)`,
        '',
        '  Verificación',
        `    id: ${VERIFIER_GROUP}  (2 members)`,
        '',
        'Paste the ones you need under chats.verifiers or chats.responders in centinela.yaml:',
        '',
        `    - { platform: whatsapp, id: "${RESPONDER_GROUP}" }  # Respuesta Este`,
        `    - { platform: whatsapp, id: "${VERIFIER_GROUP}" }  # Verificación`,
        '',
      ].join('\n'),
    );
    expect(wa.current.ended).toBe(true);
  });

  it('says so when there are no groups, and when the device is not linked', async () => {
    const wa = new FakeWhatsApp();
    const linked = linkedAuth();
    const b = buffer();
    await whatsappGroups({ session: linked.auth, socketFactory: wa.factory }, b.out);
    expect(b.text()).toContain('no WhatsApp groups yet');
    const empty = emptyAuth();
    await expect(whatsappGroups({ session: empty.auth, socketFactory: wa.factory }, buffer().out)).rejects.toThrow(/not linked yet/);
  });
});
