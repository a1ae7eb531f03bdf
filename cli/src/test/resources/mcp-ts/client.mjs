// Drives `phinite-tools mcp --http` with the official TypeScript SDK client (Streamable HTTP):
// connects with a bearer token, lists every tool (following nextCursor), optionally calls one,
// collecting its progress notifications, ends the session with DELETE and prints one JSON line
// with what it saw.
// Usage: node client.mjs URL TOKEN [TOOL ARGUMENTS_JSON]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, token, tool, args] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
const client = new Client({ name: 'phinite-ts-it', version: '1.0.0' });
const out = {};
try {
  await client.connect(transport);
  out.server = client.getServerVersion();
  out.instructions = client.getInstructions();
  out.protocolVersion = transport.protocolVersion;
  out.sessionId = transport.sessionId;
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools.map((t) => t.name));
    cursor = page.nextCursor;
  } while (cursor);
  out.tools = tools;
  if (tool) {
    out.progress = [];
    out.call = await client.callTool({ name: tool, arguments: JSON.parse(args) }, undefined, {
      onprogress: (p) => out.progress.push(p.message),
    });
  }
  await transport.terminateSession();
  out.terminated = transport.sessionId === undefined;
} catch (e) {
  out.error = String(e && e.message ? e.message : e);
  out.code = e && e.code;
} finally {
  await client.close().catch(() => {});
}
console.log(JSON.stringify(out));
