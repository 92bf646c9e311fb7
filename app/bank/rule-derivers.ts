import type { Deriver } from './derivers.ts';

export const ruleDerivers: readonly Deriver[] = [];
