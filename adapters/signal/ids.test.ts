import { describe, expect, it } from 'vitest';
import {
  formatMessageId,
  isRawGroupId,
  isSendGroupId,
  normalizeGroupId,
  normalizeSignalChatId,
  parseMessageId,
  toRawGroupId,
  toSendGroupId,
} from './ids.js';

// The pair from a real `GET /v1/groups` answer (bbernhard/signal-cli-rest-api issue #694).
const RAW = '2DicEQ5lOnSc516Tte0nVAd4dSofTvryO3zsZjwEetg=';
const SEND = 'group.MkRpY0VRNWxPblNjNTE2VHRlMG5WQWQ0ZFNvZlR2cnlPM3pzWmp3RWV0Zz0=';

describe('Signal ids', () => {
  it('converts group ids both ways like the REST server', () => {
    expect(toSendGroupId(RAW)).toBe(SEND);
    expect(toRawGroupId(SEND)).toBe(RAW);
    expect(isRawGroupId(RAW)).toBe(true);
    expect(isSendGroupId(SEND)).toBe(true);
    expect(isSendGroupId(RAW)).toBe(false);
  });

  it('accepts either group form in config and refuses anything else', () => {
    expect(normalizeGroupId(RAW)).toBe(SEND);
    expect(normalizeGroupId(` ${SEND} `)).toBe(SEND);
    expect(normalizeGroupId('group.abc')).toBeUndefined();
    expect(normalizeGroupId('group.' + Buffer.from('c2hvcnQ=').toString('base64'))).toBeUndefined();
    expect(normalizeGroupId('verifiers')).toBeUndefined();
  });

  it('normalizes chat ids: groups, UUIDs (lower case), numbers', () => {
    expect(normalizeSignalChatId(RAW)).toEqual({ id: SEND, kind: 'group' });
    expect(normalizeSignalChatId('B73A0708-5C1E-4D7F-8E2A-F7F432D7BF6C')).toEqual({
      id: 'b73a0708-5c1e-4d7f-8e2a-f7f432d7bf6c',
      kind: 'direct',
    });
    expect(normalizeSignalChatId('+15550123')).toEqual({ id: '+15550123', kind: 'direct' });
    expect(normalizeSignalChatId('someone.42')).toBeUndefined();
  });

  it('formats and parses message ids (author + timestamp)', () => {
    const uuid = 'b73a0708-5c1e-4d7f-8e2a-f7f432d7bf6c';
    expect(parseMessageId(formatMessageId(uuid, 1722868115744))).toEqual({ author: uuid, timestamp: 1722868115744 });
    expect(parseMessageId('+15550100:1722868115744')).toEqual({ author: '+15550100', timestamp: 1722868115744 });
    for (const bad of ['', '1722868115744', 'x:1', `${uuid}:`, `${uuid}:12a`, `${uuid}:0`, 'sim-3'])
      expect(parseMessageId(bad)).toBeUndefined();
  });
});
