import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now, for a server the lab starts (the local registry, the site image).
 * The lab never listens beyond the loopback address, so nothing it serves is reachable from the network.
 */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}
