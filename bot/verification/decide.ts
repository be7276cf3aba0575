/**
 * The verification decider: `decide(input, model, env) -> events`, like the intake engine's
 * step. Synchronous and pure: the host loads the read model once per input (the report, its
 * approvals and incident, nearby reports, counts; the network's chats and roster), and the events
 * that come out need no further decision: which chats, which texts, which dedupe keys, which
 * rows change. The host applies them in the same transaction (bot/runtime/apply-events.ts).
 */
import { decideCommand } from './decide-command.js';
import { decideDelivery, decideExpiry } from './decide-delivery.js';
import { decideField, decideFieldOnSubmit } from './decide-field.js';
import { decideDigest, decideSubmitted, decideTipsterWrote } from './decide-report.js';
import type { VerificationEvent } from './events.js';
import type { ReadModel, VerificationInput } from './model.js';
import { Out, type DecideEnv } from './out.js';

export type { DecideEnv };

export function decide(input: VerificationInput, model: ReadModel, env: DecideEnv): VerificationEvent[] {
  const o = new Out(model, env);
  switch (input.type) {
    case 'command':
      decideCommand(o, input.chat, input.parsed);
      break;
    case 'submitted':
      decideSubmitted(o, input.report, input.tipster, input.mediaRefs);
      decideFieldOnSubmit(o, input.tipster);
      break;
    case 'tipster_wrote':
      decideTipsterWrote(o, input.kind, input.text, input.media);
      break;
    case 'digest':
      decideDigest(o);
      break;
    case 'expire':
      decideExpiry(o);
      break;
    case 'alert_settled':
      decideDelivery(o);
      break;
    case 'field':
      decideField(o, input.input);
      break;
  }
  return o.events;
}
