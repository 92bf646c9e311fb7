import type { Deriver } from './derivers.ts';

export const itemDerivers: readonly Deriver[] = [];
