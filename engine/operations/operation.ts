/**
 * What every API action module exports: its request shape (phase one), its request-only
 * checks (phase two, the parts that need no table), and the action itself.
 */
import type { Database } from '../database.ts';
import type { ShapeSpec } from './shape.ts';

export interface Operation {
  readonly shape: ShapeSpec;
  /** Checks that need only the request; throws ValidationException with AWS's text. */
  readonly validate?: (request: Record<string, unknown>) => void;
  /** Runs the action on `db` and returns the response body. */
  readonly run: (db: Database, request: Record<string, unknown>) => unknown;
}

/** The table-name member as nearly every action declares it. */
export const TABLE_NAME_FIELD = {
  type: 'String',
  notNull: true,
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 3,
  lengthLessThanOrEqual: 255,
} as const;

export const RETURN_CONSUMED_CAPACITY_FIELD = { type: 'String', enum: ['INDEXES', 'TOTAL', 'NONE'] } as const;
export const RETURN_ITEM_COLLECTION_METRICS_FIELD = { type: 'String', enum: ['SIZE', 'NONE'] } as const;
export const EXPRESSION_ATTRIBUTE_NAMES_FIELD = { type: 'Map<java.lang.String>', children: 'String' } as const;
export const EXPRESSION_ATTRIBUTE_VALUES_FIELD = { type: 'Item' } as const;
export const RETURN_VALUES_ON_CONDITION_CHECK_FAILURE_FIELD = { type: 'String', enum: ['ALL_OLD', 'NONE'] } as const;
