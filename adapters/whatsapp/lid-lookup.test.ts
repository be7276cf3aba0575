import { describe, expect, it } from 'vitest';
import { configuredUserJid } from './lid-lookup.js';

describe('configuredUserJid', () => {
  it('reads how admins write people: numbers in any format, JIDs, LIDs', () => {
    expect(configuredUserJid('+1 (555) 123-0002')).toBe('15551230002@s.whatsapp.net');
    expect(configuredUserJid('15551230002')).toBe('15551230002@s.whatsapp.net');
    expect(configuredUserJid('15551230002:4@s.whatsapp.net')).toBe('15551230002@s.whatsapp.net');
    expect(configuredUserJid('123450000000002@lid')).toBe('123450000000002@lid');
    for (const bad of ['verifier-1', '120363041234567890@g.us', '', '12']) expect(configuredUserJid(bad)).toBeUndefined();
  });
});
