/**
 * `/readyz`: whether this Centinela can do its job right now, and if not, what is wrong, in a
 * JSON body an admin (or a monitor) can read: every enabled platform connected, the database
 * taking writes, and the outbox moving (its oldest waiting message younger than
 * `alerts.outboxStuckMinutes`). `/livez` is the other question: the process answers at all.
 */
import type { ChannelStatus } from '../bot/health/channel-alerts.js';
import type { OutboxBacklog } from '../store/health-store.js';

export interface ReadinessInput {
  channels: readonly ChannelStatus[];
  /** The write probe succeeded. */
  storeWritable: boolean;
  backlog: OutboxBacklog;
  now: number;
  outboxStuckMs: number;
}

export interface Readiness {
  ok: boolean;
  /** One fixed sentence per thing that is wrong (empty when ready); degraded channels are listed but do not fail. */
  problems: string[];
  channels: Record<string, { condition: ChannelStatus['condition']; problem?: string; action?: string }>;
  store: { writable: boolean };
  outbox: { pending: number; dead: number; oldestPendingAgeSeconds: number; stuckAfterSeconds: number };
}

export function readiness(i: ReadinessInput): Readiness {
  const problems: string[] = [];
  const channels: Readiness['channels'] = {};
  let ok = true;
  for (const c of i.channels) {
    channels[c.platform] = {
      condition: c.condition,
      ...(c.problem ? { problem: c.problem } : {}),
      ...(c.action ? { action: c.action } : {}),
    };
    if (c.condition === 'up') continue;
    if (c.condition === 'down') ok = false;
    problems.push(`${c.platform} is ${c.condition}${c.problem ? ` (${c.problem})` : ''}${c.action ? `: ${c.action}` : ''}`);
  }
  if (!i.storeWritable) {
    ok = false;
    problems.push('the database does not take writes (disk full, read-only, or locked by another process)');
  }
  const age = i.backlog.oldestPendingAt === undefined ? 0 : Math.max(0, i.now - i.backlog.oldestPendingAt);
  if (age > i.outboxStuckMs) {
    ok = false;
    problems.push(`the outbox is stuck: a message has waited ${Math.round(age / 60_000)} min to be sent (see the log for outbox errors)`);
  }
  return {
    ok,
    problems,
    channels,
    store: { writable: i.storeWritable },
    outbox: {
      pending: i.backlog.pending,
      dead: i.backlog.dead,
      oldestPendingAgeSeconds: Math.round(age / 1000),
      stuckAfterSeconds: Math.round(i.outboxStuckMs / 1000),
    },
  };
}
