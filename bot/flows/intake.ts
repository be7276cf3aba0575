/**
 * The SALUTE intake: triage first (is someone being detained right now?), then Activity,
 * Location, Time, Size, one "anything else?" question for uniforms, vehicles and photos, and
 * "did you see it yourself?". When someone is being detained, where comes right after triage.
 */
import type { ChoiceSpec, Flow } from './flow.js';

const YES_NO: ChoiceSpec[] = [
  { value: '1', key: 'common.yes' },
  { value: '2', key: 'common.no' },
];

export const intakeFlow: Flow = {
  id: 'intake',
  steps: [
    {
      id: 'urgent',
      answer: 'yesno',
      optional: false,
      prompt: 'intake.urgent.ask',
      example: 'intake.urgent.example',
      label: 'intake.urgent.label',
      choices: YES_NO,
    },
    {
      id: 'activity',
      answer: 'activity',
      optional: false,
      prompt: 'intake.activity.ask',
      example: 'intake.activity.example',
      label: 'intake.activity.label',
    },
    {
      id: 'location',
      answer: 'location',
      optional: false,
      prompt: 'intake.location.ask',
      example: 'intake.location.example',
      label: 'intake.location.label',
    },
    {
      id: 'time',
      answer: 'time',
      optional: false,
      prompt: 'intake.time.ask',
      example: 'intake.time.example',
      label: 'intake.time.label',
      choices: [{ value: '1', key: 'intake.time.now' }],
    },
    { id: 'size', answer: 'size', optional: true, prompt: 'intake.size.ask', example: 'intake.size.example', label: 'intake.size.label' },
    {
      id: 'uniform',
      answer: 'uniform',
      optional: true,
      prompt: 'intake.uniform.ask',
      example: 'intake.uniform.example',
      label: 'intake.uniform.label',
    },
    {
      id: 'equipment',
      answer: 'equipment',
      optional: true,
      prompt: 'intake.equipment.ask',
      example: 'intake.equipment.example',
      label: 'intake.equipment.label',
    },
    {
      id: 'media',
      answer: 'media',
      optional: true,
      prompt: 'intake.media.ask',
      example: 'intake.media.example',
      label: 'intake.media.label',
    },
    {
      id: 'firsthand',
      answer: 'yesno',
      optional: false,
      prompt: 'intake.firsthand.ask',
      example: 'intake.firsthand.example',
      label: 'intake.firsthand.label',
      choices: YES_NO,
    },
  ],
  rich: {
    minFields: 3,
    fields: ['activity', 'location', 'time', 'size', 'uniform', 'equipment'],
    requires: ['location'],
    alwaysAsk: ['urgent', 'time'],
  },
  together: { prompt: 'intake.extras.ask', example: 'intake.extras.example', fields: ['uniform', 'equipment', 'media'] },
  urgentFirst: ['location'],
};
