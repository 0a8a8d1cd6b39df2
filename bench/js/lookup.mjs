// The AWS SDK for JavaScript v3 contender of the throughput benchmark: the same sweep as the .NET
// contenders (a fixed number of workers over the ARN list, an untimed warm-up first), one JSON line out.
// usage: node lookup.mjs --endpoint URL --arns FILE [--concurrency 8] [--warmup 50]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { KinesisVideoClient, GetSignalingChannelEndpointCommand } from '@aws-sdk/client-kinesis-video';

const options = { concurrency: '8', warmup: '50' };
for (let i = 2; i < process.argv.length; i += 2) options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
if (!options.endpoint || !options.arns) {
  console.error('usage: node lookup.mjs --endpoint URL --arns FILE [--concurrency N] [--warmup N]');
  process.exit(2);
}

const arns = readFileSync(options.arns, 'utf8').split('\n').filter((line) => line.length > 0);
const client = new KinesisVideoClient({
  region: 'us-west-2',
  endpoint: options.endpoint,
  // kvs-local's published default credential; it means nothing outside kvs-local.
  credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'kvs-local-secret' },
});

async function sweep(list, concurrency) {
  let next = 0;
  let errors = 0;
  async function worker() {
    while (next < list.length) {
      const arn = list[next++];
      try {
        const answer = await client.send(new GetSignalingChannelEndpointCommand({
          ChannelARN: arn,
          SingleMasterChannelEndpointConfiguration: { Protocols: ['WSS', 'HTTPS'], Role: 'MASTER' },
        }));
        if (answer.ResourceEndpointList.length !== 2) throw new Error('expected two endpoints');
      } catch (error) {
        if (errors++ === 0) console.error(`first error: ${error.name}: ${error.message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return errors;
}

const concurrency = Number(options.concurrency);
await sweep(arns.slice(0, Number(options.warmup)), concurrency);
const start = performance.now();
const errors = await sweep(arns, concurrency);
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ contender: 'js', count: arns.length, errors, seconds }));
