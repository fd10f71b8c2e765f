import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Like a database server that stopped: open connections are dropped, new ones refused. */
  cut(): Promise<void>;
  /** Listens again on the same port and forwards as before. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 in front of `target`, owned by the test, so that a test can take
 * "the database" away from the API and give it back without touching the real server.
 */
export const startTcpProxy = async (target: { host: string; port: number }): Promise<TcpProxy> => {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const open = (port: number) =>
    new Promise<Server>((done, fail) => {
      const server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        track(client);
        track(upstream);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
      });
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => done(server));
    });
  let server: Server | null = await open(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const shut = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((done) => closing.close(() => done()));
  };
  return {
    port,
    cut: shut,
    async restore() {
      server ??= await open(port);
    },
    close: shut,
  };
};
