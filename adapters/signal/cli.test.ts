import { afterEach, describe, expect, it } from 'vitest';
import { FakeSignalServer } from '../../tests/fakes/signal/fake-server.js';
import { BOT_NUMBER } from '../../tests/fakes/signal/harness.js';
import { signalGroups, signalLink, SignalSetupError } from './cli.js';

let fake: FakeSignalServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function buffer(): { out: { write(s: string): void }; text: () => string } {
  let s = '';
  return { out: { write: (x: string) => void (s += x) }, text: () => s };
}

describe('signal set-up CLI', () => {
  it('groups: lists names with both id forms and a config snippet', async () => {
    fake = await FakeSignalServer.start({ mode: 'json-rpc' });
    const v = fake.addGroup('Verificadores Este', '2DicEQ5lOnSc516Tte0nVAd4dSofTvryO3zsZjwEetg=');
    fake.addGroup('Responders\nNorth');
    const b = buffer();
    await signalGroups({ url: fake.url, number: BOT_NUMBER }, b.out);
    const text = b.text();
    expect(v.id).toBe('group.MkRpY0VRNWxPblNjNTE2VHRlMG5WQWQ0ZFNvZlR2cnlPM3pzWmp3RWV0Zz0=');
    expect(text).toContain('Signal groups of this account (2):');
    expect(text).toContain('  Verificadores Este\n');
    expect(text).toContain(`    id:          ${v.id}\n`);
    expect(text).toContain(`    internal_id: ${v.internal_id}\n`);
    expect(text).toContain(`    - { platform: signal, id: "${v.id}" }  # Verificadores Este`);
    expect(text).toContain('Responders North');
    expect(fake.requests).toContain('GET /v1/groups/%2B15550100');
  });

  it('groups: says so when there are none, and explains an unreachable server', async () => {
    fake = await FakeSignalServer.start();
    const b = buffer();
    await signalGroups({ url: fake.url, number: BOT_NUMBER }, b.out);
    expect(b.text()).toContain('in no Signal groups yet');

    const wrong = await signalGroups({ url: fake.url, number: '+15550999' }, buffer().out).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(SignalSetupError);
    expect((wrong as Error).message).toContain('not an account on this signal-cli-rest-api server');

    const url = fake.url;
    await fake.stop();
    const err = await signalGroups({ url, number: BOT_NUMBER }, buffer().out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignalSetupError);
    expect((err as Error).message).toMatch(
      /^Could not reach signal-cli-rest-api at http:\/\/127\.0\.0\.1:\d+ \(.*unreachable.*\)\. Is the container running/,
    );
  });

  it('link: prints a terminal QR code and the device link', async () => {
    fake = await FakeSignalServer.start();
    const b = buffer();
    await signalLink({ url: fake.url, deviceName: 'centinela' }, b.out);
    const text = b.text();
    expect(text).toContain('as device "centinela"');
    expect(text).toMatch(/sgnl:\/\/linkdevice\?uuid=[\w-]+&pub_key=[\w-]+/);
    expect(text).toMatch(/[▀▄█]/);
    expect(fake.requests).toContain('GET /v1/qrcodelink/raw');

    const err = await signalLink({ url: fake.url, deviceName: '' }, buffer().out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignalSetupError);
  });
});
