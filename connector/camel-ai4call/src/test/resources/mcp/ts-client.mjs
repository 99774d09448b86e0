// The official MCP TypeScript SDK client against ai4call:mcpTool, run by McpTypeScriptClientTest.
// Usage: node ts-client.mjs <serverUrl> <webhookSecret|-> <toolName> <argumentsJson>
// Prints one JSON line per step: {"step":"tools",...}, {"step":"call",...}.
// Signs every request as AI4CALL does (contract: securitySchemes.webhookSignature):
// X-Ai4call-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + raw body)).
import { createHmac } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [serverUrl, secret, toolName, argumentsJson] = process.argv.slice(2);

async function signedFetch(url, init = {}) {
  const headers = new Headers(init.headers);
  if (secret !== '-') {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = typeof init.body === 'string' ? init.body : '';
    const digest = createHmac('sha256', secret).update(timestamp + '.' + body).digest('hex');
    headers.set('X-Ai4call-Timestamp', timestamp);
    headers.set('X-Ai4call-Signature', 'v1=' + digest);
  }
  return fetch(url, { ...init, headers });
}

const client = new Client({ name: 'ai4call-platform-stand-in', version: '1.0.0' });
const transport = new StreamableHTTPClientTransport(new URL(serverUrl), { fetch: signedFetch });
try {
  await client.connect(transport);
  const server = client.getServerVersion();
  const { tools } = await client.listTools();
  console.log(JSON.stringify({ step: 'tools', server, tools }));
  const result = await client.callTool({ name: toolName, arguments: JSON.parse(argumentsJson) });
  console.log(JSON.stringify({ step: 'call', result }));
  await client.close();
} catch (e) {
  console.log(JSON.stringify({ step: 'error', code: e && e.code, message: String(e && e.message || e) }));
  process.exitCode = 2;
}
