import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEV_HEADERS } from './respond.js';

/** How often an idle event stream gets a comment line, so proxies and browsers keep it open. */
export const KEEP_ALIVE_MS = 15_000;

/** The open Server-Sent Events streams of every page, and the reload messages sent to them. */
export class ReloadChannel {
  private readonly streams = new Set<ServerResponse>();
  private reloads = 0;
  private keepAlive: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly keepAliveMs: number = KEEP_ALIVE_MS) {}

  /** Turns a request into an event stream that stays open until the page or the server goes away. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...DEV_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8' });
    if (req.method === 'HEAD' || this.closed) {
      res.end();
      return;
    }
    req.socket.setNoDelay(true);
    // Reconnect quickly when `bantin dev` is restarted.
    res.write('retry: 1000\n: bantin dev\n\n');
    this.streams.add(res);
    res.on('close', () => this.detach(res));
    this.startKeepAlive();
  }

  /** Sends `event: reload` with the reload count to every open page. */
  reload(): void {
    if (this.closed) return;
    this.reloads += 1;
    this.broadcast(`event: reload\ndata: ${this.reloads}\n\n`);
  }

  /** Ends every stream; later attaches are answered and ended at once. */
  close(): void {
    this.closed = true;
    for (const res of this.streams) res.end();
    this.streams.clear();
    this.stopKeepAlive();
  }

  /** How many pages are listening now. */
  get size(): number {
    return this.streams.size;
  }

  private broadcast(message: string): void {
    for (const res of this.streams) res.write(message);
  }

  private detach(res: ServerResponse): void {
    this.streams.delete(res);
    if (this.streams.size === 0) this.stopKeepAlive();
  }

  private startKeepAlive(): void {
    if (this.keepAlive !== null) return;
    this.keepAlive = setInterval(() => this.broadcast(': keep-alive\n\n'), this.keepAliveMs);
    this.keepAlive.unref();
  }

  private stopKeepAlive(): void {
    if (this.keepAlive === null) return;
    clearInterval(this.keepAlive);
    this.keepAlive = null;
  }
}
