/**
 * Runs the serverless-stack model for one parsed input, and sets it beside the study guide's
 * claim ("$3–15 a month for 50 users, DynamoDB about $0.75") so the learner sees what AWS's
 * prices really give and how much traffic the guide's DynamoDB figure would take.
 */
import type { Calculation } from '../../../engine/index.ts';
import { formatQuantity, roundToCents } from '../../../engine/index.ts';
import { calculateRequestsForDynamoDbSpend, calculateRequestsPerMonth, calculateServerlessCost } from '../../../engine/index.ts';
import type { ServerlessRequest, ServerlessResponse } from './serverless-schemas.ts';

/** The study guide's figures (spec: "Serverless-First": $3–15/month for 50 users; DynamoDB $0.75). */
export const GUIDE_CLAIM = { users: 50, totalUsd: '3–15', dynamoDbUsd: 0.75 } as const;

function toCalculation(c: Calculation) {
  return { value: c.value, unit: c.unit, steps: c.steps.map((s) => ({ ...s })) };
}

/** The guide's $3–15 range, and where this workload's request charges fall against it. */
const GUIDE_TOTAL_RANGE_USD = [3, 15] as const;

function compareWithGuideTotal(totalUsd: number): string {
  const charges = `the request charges here total $${totalUsd.toFixed(2)}`;
  const [low, high] = GUIDE_TOTAL_RANGE_USD;
  if (totalUsd < low) {
    return `and ${charges}, below the guide's $${low}–${high}: that range needs more traffic than this, or costs outside these three services (logs, data transfer, a domain).`;
  }
  if (totalUsd > high) {
    return `and ${charges}, above the guide's $${low}–${high}: this workload is heavier than the one the guide priced.`;
  }
  return `and ${charges}, inside the guide's $${low}–${high} range.`;
}

export function computeServerlessReport(input: ServerlessRequest): ServerlessResponse {
  const requestsPerMonth = calculateRequestsPerMonth(input.users, input.requestsPerUserPerDay);
  const result = calculateServerlessCost({ ...input, requestsPerMonth, region: 'us-east-1' });
  const doesDynamoDbWork = input.readsPerRequest + input.writesPerRequest > 0;
  const requestsForClaim = doesDynamoDbWork
    ? calculateRequestsForDynamoDbSpend(GUIDE_CLAIM.dynamoDbUsd, input.readsPerRequest, input.writesPerRequest, input.itemBytes, input.readConsistency)
    : null;
  const perUserPerDay = requestsForClaim === null ? 0 : requestsForClaim.div(GUIDE_CLAIM.users).div(730).times(24).toDecimalPlaces(0).toNumber();
  const total = roundToCents(result.bill.total);
  const explanation =
    requestsForClaim === null
      ? 'These requests make no DynamoDB reads or writes, so DynamoDB costs only its storage.'
      : `At these prices $${GUIDE_CLAIM.dynamoDbUsd} of DynamoDB on-demand buys about ${formatQuantity(requestsForClaim)} requests a month ` +
        `of ${input.readsPerRequest} read(s) and ${input.writesPerRequest} write(s) of ${formatQuantity(input.itemBytes)} bytes: ` +
        `about ${formatQuantity(perUserPerDay)} requests per user a day for ${GUIDE_CLAIM.users} users. ` +
        `The guide states no assumptions; its DynamoDB figure may predate the November 2024 price cut (writes were $1.25 per million) or include storage and other tables, ` +
        compareWithGuideTotal(total);
  return {
    requestsPerMonth: requestsPerMonth.toNumber(),
    lines: result.bill.lines.map((l) => ({
      id: l.id,
      label: l.label,
      quantity: l.quantity,
      formula: l.formula ?? (l.price !== undefined && 'usd' in l.price ? `${l.quantity} × $${l.price.usd} ${l.price.per}` : l.quantity),
      amount: l.amount.toFixed(),
      amountUsd: roundToCents(l.amount),
      ...(l.price === undefined ? {} : { priceSource: l.price.source, priceDate: l.price.date, priceConfidence: l.price.confidence }),
    })),
    total: result.bill.total.toFixed(),
    totalUsd: total,
    apiGatewayUsd: roundToCents(result.apiGateway),
    lambdaUsd: roundToCents(result.lambda),
    dynamoDbUsd: roundToCents(result.dynamoDb),
    calculation: toCalculation(result.calculation),
    guide: {
      claimTotalUsd: GUIDE_CLAIM.totalUsd,
      claimDynamoDbUsd: GUIDE_CLAIM.dynamoDbUsd,
      requestsForClaimedDynamoDb: requestsForClaim?.toNumber() ?? 0,
      requestsPerUserPerDayForClaim: perUserPerDay,
      explanation,
    },
  };
}
