import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, connectHost, createWorkshop, disconnectAll, joinAs, mustAck, tempDataDir, waitFor, type Endpoint } from './harness.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The real entry point (`server/main.ts`) in its own process, on a free port. */
async function spawnServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repo,
    // One phone proposes all 30 values below: more than the default cap of proposals per participant.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CAP_PROPOSALS_PER_PARTICIPANT: '100' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  const endpoint = { child, url: `http://127.0.0.1:${port}` };
  endpoints.push(endpoint);
  return endpoint;
}

const children: ChildProcess[] = [];
const endpoints: Endpoint[] = [];
afterEach(() => {
  for (const e of endpoints.splice(0)) disconnectAll(e);
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('kill -9', () => {
  it('loses no acknowledged command', { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir();
    const first = await spawnServer(dataDir);
    const w = await createWorkshop(first, { title: 'Kill', template: 'empty', groups: ['A', 'B'] });
    const host = await connectHost(first, w);
    const view = await waitFor(host, 'workshop:host');
    await mustAck(host, 'activity:control', { activityId: view.activities[0]?.id as string, action: 'open' });
    const phone = await joinAs(first, w.code, view.groups[0]?.id as string);

    // Fired together, so the kill lands while the server is as busy as it gets; every ack
    // that came back must survive.
    const N = 30;
    const acks = await Promise.all(Array.from({ length: N }, (_, i) => mustAck(phone.socket, 'value:propose', { title: `Waarde ${i + 1}` })));
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    disconnectAll(first);

    const second = await spawnServer(dataDir);
    const hostAgain = await connectHost(second, w);
    const after = await waitFor(hostAgain, 'workshop:host');
    const titles = new Map(after.allValues.map((v) => [v.id, v.title]));
    for (const [i, { valueId }] of acks.entries()) expect(titles.get(valueId)).toBe(`Waarde ${i + 1}`);
    expect(after.participants.map((p) => p.id)).toEqual([phone.participantId]);
    // The phone's token still works after the crash.
    const self = await waitFor(await connect(second, { code: w.code, participantToken: phone.token }), 'participant:self');
    expect(self.proposedValueIds).toEqual(acks.map((a) => a.valueId));
  });
});
