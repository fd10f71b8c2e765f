// The baseline of `pnpm bench`, in a process of its own (so that autocannon does not take its
// CPU): answers every request with one recorded body, byte for byte.
// Usage: node raw-server.ts BODY_FILE CONTENT_TYPE PORT
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, contentType, port] = process.argv.slice(2);
if (!file || !contentType || !port) throw new Error('raw-server.ts BODY_FILE CONTENT_TYPE PORT');
const body = readFileSync(file);
createServer((_req, res) => {
  res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
  res.end(body);
}).listen(Number(port), '127.0.0.1', () => process.send?.('listening'));
