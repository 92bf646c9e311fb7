import type { Deriver } from './derivers.ts';
import { indexDerivers, indexTopicDerivers } from '../../engine/advice/index-scenarios.ts';

export const ruleDerivers: readonly Deriver[] = [...indexDerivers, ...indexTopicDerivers];
