import { openEndpoint } from './endpoint.ts';
import { defineDynamoDBSuite } from './suite.ts';
import { defineAdvancedSuite } from './suite-advanced.ts';

const label = process.env.DYNAMODB_ENDPOINT ?? 'our endpoint';
defineDynamoDBSuite(label, openEndpoint);
defineAdvancedSuite(label, openEndpoint);
