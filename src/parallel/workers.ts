import { Worker } from 'node:worker_threads';

interface Pending<R> {
  resolve: (reply: R) => void;
  reject: (error: Error) => void;
}

interface Member<R> {
  worker: Worker;
  pending: Pending<R>[];
  failure?: Error;
}

/** Worker threads that answer requests in the order they get them: each request goes to the worker with the least work queued. */
export class WorkerPool<Reply> {
  private readonly members: Member<Reply>[];

  constructor(url: URL, workerData: unknown, size: number) {
    this.members = Array.from({ length: size }, () => {
      const member: Member<Reply> = { worker: new Worker(url, { workerData }), pending: [] };
      member.worker.on('message', (reply: Reply) => member.pending.shift()?.resolve(reply));
      member.worker.on('error', (error) => {
        member.failure = error;
        for (const waiting of member.pending.splice(0)) waiting.reject(error);
      });
      return member;
    });
  }

  get size(): number {
    return this.members.length;
  }

  request(message: unknown): Promise<Reply> {
    const member = this.members.reduce((a, b) => (b.pending.length < a.pending.length ? b : a));
    if (member.failure) return Promise.reject(member.failure);
    return new Promise<Reply>((resolve, reject) => {
      member.pending.push({ resolve, reject });
      member.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.members.map(({ worker }) => worker.terminate()));
  }
}
