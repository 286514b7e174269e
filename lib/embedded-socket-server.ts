/**
 * A PostgreSQL wire-protocol front for one PGlite instance that many connections can share.
 *
 * PGlite is a single backend session, so connections take turns. The turn must last until the
 * backend is ready for a new query from anyone: the end of an extended-protocol batch (Parse /
 * Bind / Execute ... Sync) *and* the end of any open transaction. @electric-sql/pglite-socket
 * only keeps the turn inside transactions, so two pooled connections' batches interleave and
 * bind to each other's unnamed statement ("bind message supplies 8 parameters, but prepared
 * statement requires 2"; electric-sql/pglite#1046). This server keeps the turn until both end.
 */
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const sslRequestCode = 80877103;
const cancelRequestCode = 80877102;
const protocolVersion3 = 196608;

/** Message types after which the backend answers ReadyForQuery. */
const batchEnds = new Set([0x53 /* S Sync */, 0x51 /* Q Query */]);
const terminate = 0x58; // X

/** A FIFO lock: whoever holds it speaks to the backend. */
class Turn {
  private holder: object | null = null;
  private readonly waiting: { who: object; resolve: () => void }[] = [];

  async take(who: object): Promise<void> {
    if (this.holder === who) return;
    if (this.holder === null) {
      this.holder = who;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push({ who, resolve }));
  }

  give(who: object): void {
    if (this.holder !== who) return;
    const next = this.waiting.shift();
    this.holder = next?.who ?? null;
    next?.resolve();
  }

  forget(who: object): void {
    const index = this.waiting.findIndex((w) => w.who === who);
    if (index >= 0) this.waiting.splice(index, 1);
  }

  holds(who: object): boolean {
    return this.holder === who;
  }
}

export class EmbeddedSocketServer {
  private readonly server: net.Server;
  private readonly turn = new Turn();
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly db: PGlite) {
    this.server = net.createServer((socket) => this.serve(socket));
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => resolve((this.server.address() as net.AddressInfo).port));
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: net.Socket): void {
    const session = {};
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let buffer: Buffer = Buffer.alloc(0);
    let isStarted = false;
    let queue = Promise.resolve();

    const run = (message: Buffer, type: number | null) => {
      queue = queue.then(() => this.execute(session, socket, message, type)).catch((error) => {
        console.error("[embedded-postgres] connection error", error);
        socket.destroy();
      });
    };

    socket.on("data", (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!isStarted) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (buffer.length < length) return;
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === sslRequestCode) socket.write("N");
          else if (code === cancelRequestCode) continue;
          else if (code === protocolVersion3) {
            isStarted = true;
            run(Buffer.from(message), null);
          } else socket.destroy();
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const type = buffer[0];
        const message = Buffer.from(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (type === terminate) {
          socket.end();
          return;
        }
        run(message, type);
      }
    });
    socket.on("close", () => {
      this.sockets.delete(socket);
      void queue.then(() => this.release(session));
    });
    socket.on("error", () => socket.destroy());
  }

  private async execute(session: object, socket: net.Socket, message: Buffer, type: number | null): Promise<void> {
    await this.turn.take(session);
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(new Uint8Array(message), {
        onRawData: (data) => {
          if (socket.writable) socket.write(data);
        },
      }),
    );
    // The startup exchange and finished batches outside a transaction end the turn.
    if ((type === null || batchEnds.has(type)) && !this.db.isInTransaction()) this.turn.give(session);
  }

  /** A connection that drops mid-transaction must not leave the backend inside it. */
  private async release(session: object): Promise<void> {
    this.turn.forget(session);
    if (!this.turn.holds(session)) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK").catch(() => undefined);
    this.turn.give(session);
  }
}
