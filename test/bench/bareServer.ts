/**
 * The bench's yardstick: a bare socket.io server that acknowledges `participant:join` and
 * `answer:submit` at once and does nothing else — no validation, no storage, no broadcasts.
 * The same load processes drive it and Raakvlak in the same run, so their closed-loop rates
 * compare the server's work, not the harness. Listens on 127.0.0.1 (PORT, default a free one)
 * and prints the same "listening on" line as the server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const httpServer = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
});
const io = new Server(httpServer, { serveClient: false });
let participants = 0;

io.on('connection', (socket) => {
  socket.on('participant:join', (_payload: unknown, ack: unknown) => {
    participants += 1;
    if (typeof ack === 'function') ack({ ok: true, data: { participantId: `p${participants}`, token: `t${participants}` } });
  });
  socket.on('answer:submit', (payload: { answerId?: unknown }, ack: unknown) => {
    if (typeof ack === 'function') ack({ ok: true, data: { answerId: payload?.answerId, duplicate: false } });
  });
});

httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`bare socket.io listening on http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => process.exit(0));
