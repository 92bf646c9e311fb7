import type { Deriver } from './derivers.ts';
import { indexDerivers, indexTopicDerivers } from '../../engine/advice/index-scenarios.ts';
import { keyDerivers } from '../../engine/advice/key-scenarios.ts';

export const ruleDerivers: readonly Deriver[] = [...indexDerivers, ...indexTopicDerivers, ...keyDerivers];
