/**
 * The one-sentence reasons the rule-keyed families show beside their key: learner-facing
 * wording, so it lives in the bank, not beside the rules in engine/rules/ that pick the key.
 */
import type { ReadChoice, TrafficShape } from '../../engine/index.ts';

/** Why chooseCapacityMode picks its mode, per traffic shape (two shapes share a mode for different reasons). */
export const CAPACITY_MODE_REASONS: Readonly<Record<TrafficShape, string>> = {
  steady: 'Traffic is steady and known, so capacity provisioned a little above it is used almost fully, and per unit it is far cheaper than on-demand.',
  'daily-cycle':
    'Traffic is predictable but rises and falls gradually through the day, which target-tracking auto scaling follows, so provisioned capacity stays well used.',
  'steady-growth': 'Traffic is predictable and grows slowly, so auto scaling keeps provisioned capacity just above it week after week, cheaper per unit than on-demand.',
  spiky:
    'Traffic jumps suddenly and unpredictably; auto scaling reacts only after minutes, while on-demand instantly serves up to double the previous peak and bills only the requests.',
  'new-unknown': 'Nobody knows the traffic yet, so there is nothing to provision against; on-demand needs no planning and bills only what is used.',
  'mostly-idle': 'The table is idle most of the time; provisioned capacity would be billed every hour for nothing, while on-demand bills only the requests.',
};

/** Why chooseRead picks its read. */
export const READ_MODE_REASONS: Readonly<Record<ReadChoice, string>> = {
  transact: 'The items must be read together as of one moment, which only TransactGetItems guarantees (at 2 RCU per 4 KB per item).',
  eventual: 'Data a second or two old is acceptable, so the default eventually consistent read is enough at half the cost of a strong one.',
  'base-strong':
    'The read must see the latest write, and a global secondary index only serves eventually consistent reads, so read the base table by its key with ConsistentRead.',
  strong: 'The read must see the latest acknowledged write, which takes a strongly consistent read (ConsistentRead = true), at twice the cost.',
};
