/** Verification events as golden-file text: sends with their chat, key, lane and text; other events as JSON. */
import type { VerificationEvent } from '../../bot/verification/events.js';

export function printEvents(events: VerificationEvent[]): string {
  return events
    .map((e) => {
      if (e.type !== 'send') return `  ${e.type} ${JSON.stringify({ ...e, type: undefined })}`;
      const to = e.to.type === 'chat' ? `${e.to.platform}:${e.to.id}` : `tipster ${e.to.key}`;
      const extras = [e.dedupeKey ? `dedupe=${e.dedupeKey}` : '', e.replyToKey ? `thread=${e.replyToKey}` : '', `lane=${e.lane}`]
        .filter(Boolean)
        .join(' ');
      return [`  send → ${to} [${e.key}] ${extras}`, ...e.text.split('\n').map((l) => `      ${l}`)].join('\n');
    })
    .join('\n');
}
