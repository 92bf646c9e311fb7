import { openEndpoint } from './endpoint.ts';
import { defineDynamoDBSuite } from './suite.ts';

defineDynamoDBSuite(process.env.DYNAMODB_ENDPOINT ?? 'our endpoint', openEndpoint);
