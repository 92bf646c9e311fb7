/**
 * Where the SDK suite sends its requests: our app's DynamoDB endpoint on an ephemeral loopback
 * port, or, when DYNAMODB_ENDPOINT is set, that endpoint (dynalite, DynamoDB Local, AWS).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { endpointListener } from '../../app/routes/dynamodb/front-door.ts';
import { dynamodbEndpoint } from '../../app/routes/dynamodb/index.ts';
import { SandboxRegistry, type SandboxOptions } from '../../app/routes/dynamodb/sandboxes.ts';
import { listen } from '../helpers/listen.ts';

export interface Endpoint {
  readonly url: string;
  /** True for our own server: tests of our sandboxes and wire details run only there. */
  readonly ours: boolean;
  close(): Promise<void>;
}

/** Starts our endpoint on 127.0.0.1, port chosen by the OS, behind the front door main.ts serves. */
export async function startOurEndpoint(options: Partial<SandboxOptions> = {}, maxBodyBytes?: number): Promise<Endpoint> {
  const endpoint = dynamodbEndpoint(new SandboxRegistry({ now: () => Date.now(), ...options }), {
    ...(maxBodyBytes !== undefined && { maxBodyBytes }),
    logger: { error: () => {} },
  });
  const { url, close } = await listen(endpointListener(endpoint));
  return { url, ours: true, close };
}

/** The endpoint under test: DYNAMODB_ENDPOINT when set, else ours. */
export async function openEndpoint(): Promise<Endpoint> {
  const external = process.env.DYNAMODB_ENDPOINT;
  if (external) return { url: external, ours: false, close: async () => {} };
  return startOurEndpoint();
}

export interface Clients {
  readonly client: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
}

export function createClients(url: string, accessKeyId = 'AKIDSUITE'): Clients {
  const client = new DynamoDBClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
  return { client, doc: DynamoDBDocumentClient.from(client) };
}
