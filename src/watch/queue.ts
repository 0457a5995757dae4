/**
 * Runs rebuilds one at a time. Paths that arrive while a rebuild runs are queued and handled
 * together by the next one, so no change is lost and no two rebuilds overlap.
 */
export class RebuildQueue {
  private queued = new Set<string>();
  private running: Promise<void> | null = null;

  /** `onError` receives what a rebuild throws; the queue itself never stops. */
  constructor(
    private readonly rebuild: (paths: string[]) => Promise<void>,
    private readonly onError: (cause: unknown) => void,
  ) {}

  /** Queues changed paths; starts a rebuild unless one is running. */
  push(paths: Iterable<string>): void {
    for (const file of paths) this.queued.add(file);
    this.running ??= this.drain();
  }

  /** Whether changes wait for the next rebuild (a long task can give way to them). */
  get hasQueued(): boolean {
    return this.queued.size > 0;
  }

  /** Resolves when every queued change has been rebuilt. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued.size > 0) {
        const paths = [...this.queued];
        this.queued = new Set();
        await this.rebuild(paths).catch(this.onError);
      }
    } finally {
      this.running = null;
    }
  }
}
