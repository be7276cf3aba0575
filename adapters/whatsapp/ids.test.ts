import { describe, expect, it } from 'vitest';
import { chatKindOf, messageRef, normalizeUserJid, parseMessageRef, stableUserId } from './ids.js';

describe('whatsapp ids', () => {
  it('normalizes person JIDs: no device, s.whatsapp.net for c.us; not a person → undefined', () => {
    expect(normalizeUserJid('15551230001:3@s.whatsapp.net')).toBe('15551230001@s.whatsapp.net');
    expect(normalizeUserJid('15551230001@c.us')).toBe('15551230001@s.whatsapp.net');
    expect(normalizeUserJid('123450000000001:7@lid')).toBe('123450000000001@lid');
    for (const j of ['120363041234567890@g.us', 'status@broadcast', '1@newsletter', 'garbage', '', undefined, null])
      expect(normalizeUserJid(j)).toBeUndefined();
  });

  it('prefers the LID, from either field, else the number or its mapped LID', () => {
    expect(stableUserId('15551230001@s.whatsapp.net', '123450000000001@lid')).toBe('123450000000001@lid');
    expect(stableUserId('123450000000001:2@lid', '15551230001@s.whatsapp.net')).toBe('123450000000001@lid');
    expect(stableUserId('15551230001:2@s.whatsapp.net')).toBe('15551230001@s.whatsapp.net');
    expect(stableUserId('15551230001@s.whatsapp.net', undefined, { lidFor: () => '123450000000001:0@lid' })).toBe('123450000000001@lid');
    expect(stableUserId('15551230001@s.whatsapp.net', undefined, { lidFor: () => '15551230009@s.whatsapp.net' })).toBe(
      '15551230001@s.whatsapp.net',
    );
    const preferPn = (pn: string) => pn === '15551230001@s.whatsapp.net';
    expect(stableUserId('123450000000001@lid', '15551230001@s.whatsapp.net', { preferPn })).toBe('15551230001@s.whatsapp.net');
    expect(stableUserId('123450000000001@lid', undefined, { preferPn, pnFor: () => '15551230001:4@s.whatsapp.net' })).toBe(
      '15551230001@s.whatsapp.net',
    );
    expect(stableUserId(undefined)).toBeUndefined();
  });

  it('classifies chats', () => {
    expect(chatKindOf('120363041234567890@g.us')).toBe('group');
    expect(chatKindOf('123450000000001@lid')).toBe('direct');
    expect(chatKindOf('15551230001@s.whatsapp.net')).toBe('direct');
    for (const j of ['status@broadcast', '1795280000@broadcast', '120363200000000001@newsletter', '867051314767696@bot'])
      expect(chatKindOf(j)).toBeUndefined();
  });

  it('message refs round-trip', () => {
    const ref = messageRef('120363041234567890@g.us', '3EB0C431C26A1916E05A');
    expect(parseMessageRef(ref)).toEqual({ chatId: '120363041234567890@g.us', keyId: '3EB0C431C26A1916E05A' });
    for (const bad of ['', 'x', '/abc', 'chat@g.us/', 'nochat/abc', 'a@g.us/has space']) expect(parseMessageRef(bad)).toBeUndefined();
  });
});
