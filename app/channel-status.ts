/**
 * Each adapter reports its health in its own words (Signal's `misconfigured`, WhatsApp's
 * `needs_link`, Telegram's `pollError`); these functions say it in the words every platform
 * shares ({@link ChannelStatus}), for /readyz, the `centinela_adapter_connected` gauge and the
 * channel-down alerts. Adapters only report; what counts as down or degraded is decided here.
 */
import type { SignalHealth } from '../adapters/signal/health.js';
import type { TelegramHealth } from '../adapters/telegram/adapter.js';
import type { WhatsAppHealth } from '../adapters/whatsapp/adapter.js';
import type { ChannelProblem, ChannelStatus } from '../bot/health/channel-alerts.js';

/** Undecryptable WhatsApp messages in 15 minutes from which the channel counts as degraded. */
export const DECRYPT_FAILURES_DEGRADED = 3;

/** Signal, from the adapter's {@link SignalHealth}. */
export function signalStatus(h: SignalHealth): ChannelStatus {
  const action = h.action !== undefined ? { action: h.action } : {};
  if (h.state === 'connecting') return { platform: 'signal', condition: 'down', problem: 'starting' };
  if (h.state === 'up') {
    if (h.problem === undefined) return { platform: 'signal', condition: 'up' };
    // Receiving works, but sends meet a captcha or a rate limit: alerts are held back.
    const problem: ChannelProblem = h.problem === 'wrong_mode' ? 'misconfigured' : h.problem;
    return { platform: 'signal', condition: problem === 'unregistered' ? 'down' : 'degraded', problem, ...action };
  }
  const problem: ChannelProblem = h.problem === undefined ? 'unreachable' : h.problem === 'wrong_mode' ? 'misconfigured' : h.problem;
  return { platform: 'signal', condition: 'down', problem, ...action };
}

const WHATSAPP_ACTIONS: Partial<Record<ChannelProblem, string>> = {
  replaced: 'stop the other program using this WhatsApp session (a second Centinela?), then restart Centinela',
  restricted: 'check the WhatsApp account on the phone: WhatsApp restricted or banned it',
  decrypt_failures:
    'ask the people whose messages fail to send again; if it goes on, link the device again (centinela whatsapp link) so WhatsApp sends new keys',
};

/** WhatsApp, from the adapter's {@link WhatsAppHealth}. */
export function whatsappStatus(h: WhatsAppHealth): ChannelStatus {
  const down = (problem: ChannelProblem, action = h.action ?? WHATSAPP_ACTIONS[problem]): ChannelStatus => ({
    platform: 'whatsapp',
    condition: 'down',
    problem,
    ...(action !== undefined ? { action } : {}),
  });
  switch (h.state) {
    case 'up':
      if (h.decryptFailures.recent >= DECRYPT_FAILURES_DEGRADED) {
        return { platform: 'whatsapp', condition: 'degraded', problem: 'decrypt_failures', action: WHATSAPP_ACTIONS.decrypt_failures! };
      }
      return { platform: 'whatsapp', condition: 'up' };
    case 'connecting':
      return down(h.reconnectAttempts > 0 ? 'reconnecting' : 'starting');
    case 'needs_link':
      return down('needs_link');
    case 'replaced':
      return down('replaced');
    case 'down':
      if (h.reason === 'account restricted by whatsapp') return down('restricted');
      return down(h.reason === 'reconnecting' ? 'reconnecting' : 'unreachable');
  }
}

/** Telegram, from the adapter's {@link TelegramHealth}. */
export function telegramStatus(h: TelegramHealth): ChannelStatus {
  if (h.state === 'up') return { platform: 'telegram', condition: 'up' };
  if (h.state === 'starting') return { platform: 'telegram', condition: 'down', problem: 'starting' };
  switch (h.pollError) {
    case 'network':
      return {
        platform: 'telegram',
        condition: 'down',
        problem: 'unreachable',
        action: 'check that this machine reaches api.telegram.org',
      };
    case '401':
      return {
        platform: 'telegram',
        condition: 'down',
        problem: 'misconfigured',
        action: 'the bot token was revoked: put the new one from @BotFather in the config',
      };
    case '409':
      return {
        platform: 'telegram',
        condition: 'down',
        problem: 'misconfigured',
        action: 'another program polls with this bot token, or a webhook is set: stop it, or set platforms.telegram.mode to webhook',
      };
    default:
      return {
        platform: 'telegram',
        condition: 'down',
        problem: 'polling_failed',
        action: 'restart Centinela; if it happens again, see the log',
      };
  }
}
