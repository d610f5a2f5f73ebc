import {
  fail,
  ok,
  PROCESS_LIMITS,
  type CreateMeetingBody,
  type CreateProcessBody,
  type ProcessGroup,
  type ProcessReport,
  type ProcessState,
  type Result,
  type UpdateProcessBody,
  type WorkshopState,
} from '../shared/index.js';
import { meetingState } from '../shared/process/meeting.js';
import { processReport } from '../shared/process/report.js';
import { newId, newJoinCode } from './ids.js';
import type { Logger } from './logger.js';
import type { ProcessStore } from './store/types.js';
import { hashToken, newToken, tokenMatches } from './tokens.js';
import type { LiveWorkshop, WorkshopRegistry } from './workshops.js';

/** Codes tried before giving up (as for join codes). */
const PROCESS_CODE_ATTEMPTS = 10;
const DAY_MS = 86_400_000;

/** A meeting a process request created, or found again for a retried request id. */
export interface MeetingCreated {
  workshop: LiveWorkshop;
  /** 1-based, its `state.process.meeting`. */
  meeting: number;
  /** false: the request id was seen before and this is the meeting it made then. */
  created: boolean;
}

/** A 400 of a process change that zod could not see (an unknown group id): its issue path too. */
export type ProcessResult<T> = Result<T> & { issues?: { path: string; message: string }[] };

/**
 * The new groups of a process after `PATCH` (updateProcessSchema): an entry with an id keeps
 * that group (renamed, re-numbered), one without adds a group with a fresh id; an id the process
 * does not have is refused, and so is leaving out a group a meeting of the process still has.
 */
export function nextGroups(current: readonly ProcessGroup[], wanted: NonNullable<UpdateProcessBody['groups']>, inMeetings: ReadonlySet<string>, makeId: () => string): ProcessResult<ProcessGroup[]> {
  const byId = new Map(current.map((g) => [g.id, g]));
  const kept = new Set<string>();
  const next: ProcessGroup[] = [];
  for (const [i, g] of wanted.entries()) {
    if (g.id === undefined) {
      next.push({ id: makeId(), name: g.name, invited: g.invited });
      continue;
    }
    const had = byId.get(g.id);
    if (!had || kept.has(g.id)) {
      const message = had ? 'This group is in the list twice' : 'The process has no group with this id';
      return { ...fail('BAD_REQUEST', `groups.${i}.id: ${message}`), issues: [{ path: `groups.${i}.id`, message }] };
    }
    kept.add(g.id);
    // A renamed default group is the organiser's own name from then on, in every language.
    const { i18n, ...rest } = had;
    next.push(g.name === had.name && i18n ? { ...rest, i18n, invited: g.invited } : { ...rest, name: g.name, invited: g.invited });
  }
  const dropped = current.find((g) => !kept.has(g.id) && inMeetings.has(g.id));
  if (dropped) return fail('NOT_ALLOWED', `The group "${dropped.name}" is in a meeting of this process and cannot be left out`);
  return ok(next);
}

/**
 * The processes (shared/process/model.ts), kept in memory by code once used; each change is
 * written to the store whole before it is acknowledged. A process's meetings are workshops of
 * the WorkshopRegistry: they are created through it, their invited numbers reach them as the
 * host command `groups:invited` (stored as events like any command), and its organiser token
 * is accepted there as the host token of every meeting whose `state.process` names it.
 */
export class ProcessRegistry {
  private readonly byCodeMap = new Map<string, ProcessState>();
  private readonly codeById = new Map<string, string>();
  /** Processes being deleted: their meetings' deletions leave their meetingIds alone. */
  private readonly deleting = new Set<string>();
  /** The reports of a process's current state object, valid while its meetings' seqs are these. */
  private readonly reports = new WeakMap<ProcessState, { seqs: (number | null)[]; organiser?: ProcessReport; public?: ProcessReport }>();

  constructor(
    private readonly store: ProcessStore,
    private readonly workshops: WorkshopRegistry,
    private readonly clock: () => number,
    private readonly logger: Logger,
    /** A meeting changed by a command the process sent (`groups:invited`): its screens get new views. */
    private readonly onMeetingChanged: (workshopId: string) => void = () => {},
  ) {
    workshops.acceptHostTokens((state, token) => this.opensMeeting(state, token));
    workshops.onDelete((workshopId) => this.meetingDeleted(workshopId));
  }

  byCode(code: string): ProcessState | undefined {
    const live = this.byCodeMap.get(code);
    if (live) return live;
    const stored = this.store.processByCode(code);
    if (stored) this.remember(stored);
    return stored ?? undefined;
  }

  get(id: string): ProcessState | undefined {
    const code = this.codeById.get(id);
    if (code !== undefined) return this.byCodeMap.get(code);
    const stored = this.store.processById(id);
    if (stored) this.remember(stored);
    return stored ?? undefined;
  }

  /** Creates and stores a process; the organiser token is returned once and only its hash is kept. */
  create(body: CreateProcessBody): { process: ProcessState; organiserToken: string } {
    const organiserToken = newToken();
    const now = this.clock();
    const process: ProcessState = {
      id: newId(),
      code: this.unusedCode(),
      title: body.title,
      area: body.area,
      language: body.language,
      organiserTokenHash: hashToken(organiserToken),
      groups: body.groups.map((g) => ({ id: newId(), name: g.name, invited: g.invited })),
      meetingIds: [],
      requests: [],
      createdAt: now,
      updatedAt: now,
    };
    this.store.createProcess(process);
    this.remember(process);
    return { process, organiserToken };
  }

  isOrganiserToken(process: ProcessState, token: string): boolean {
    return tokenMatches(token, process.organiserTokenHash);
  }

  /** The meetings of a process that load, oldest first. */
  meetings(process: ProcessState): LiveWorkshop[] {
    return process.meetingIds.map((id) => this.workshops.get(id)).filter((w): w is LiveWorkshop => w !== undefined);
  }

  /** The newest meeting that loads (only that one is read); null for a process without meetings. */
  latestMeeting(process: ProcessState): LiveWorkshop | null {
    for (let i = process.meetingIds.length - 1; i >= 0; i--) {
      const w = this.workshops.get(process.meetingIds[i] as string);
      if (w) return w;
    }
    return null;
  }

  /**
   * The process page's numbers, computed again only when the process or one of its meetings
   * changed: a meeting not in memory cannot have changed since it was last read (every change
   * goes through the WorkshopRegistry), so a public page opened by a whole neighbourhood costs
   * one computation per change, not one per visitor.
   */
  report(process: ProcessState, organiser: boolean): ProcessReport {
    const cached = this.reports.get(process);
    const unchanged = cached?.seqs.every((seq, i) => {
      const id = process.meetingIds[i];
      const now = id === undefined ? undefined : this.workshops.peek(id)?.state.seq;
      return now === undefined || now === seq;
    });
    const which = organiser ? 'organiser' : 'public';
    if (cached && unchanged && cached[which]) return cached[which];
    const meetings = this.meetings(process);
    const made = processReport(process, meetings.map((w) => w.state), { organiser });
    // A meeting that does not load (a damaged file) stays out of the report and never invalidates it.
    const seqs = process.meetingIds.map((id) => this.workshops.peek(id)?.state.seq ?? null);
    this.reports.set(process, { ...(cached && unchanged ? cached : {}), seqs, [which]: made });
    return made;
  }

  /**
   * `PATCH`: title, area and groups (of the process as it is now, whatever copy is given). A request id seen before changes nothing again. The invited
   * numbers are then sent to every meeting (also for a retried request, so a meeting a failed
   * attempt missed gets them; one that has them already stores nothing).
   */
  async update(given: ProcessState, body: UpdateProcessBody): Promise<ProcessResult<ProcessState>> {
    const process = this.get(given.id);
    if (!process) return fail('NOT_FOUND', 'No such process');
    let next = process;
    if (!process.requests.some((r) => r.id === body.requestId)) {
      let groups = process.groups;
      if (body.groups) {
        const inMeetings = new Set(this.meetings(process).flatMap((w) => w.state.groups.map((g) => g.id)));
        const made = nextGroups(process.groups, body.groups, inMeetings, newId);
        if (!made.ok) return made;
        groups = made.value;
      }
      next = {
        ...process,
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.area !== undefined ? { area: body.area } : {}),
        groups,
        requests: remembered(process.requests, { id: body.requestId, workshopId: null }),
        updatedAt: this.clock(),
      };
      this.save(next);
    }
    await this.sendInvited(next);
    return ok(next);
  }

  /**
   * `POST …/meetings` (to the process as it is now): a new workshop in the process, built from the previous meeting (or the
   * template for the first) by meetingState, stored like any new workshop. A request id seen
   * before gives the meeting it made then.
   */
  createMeeting(given: ProcessState, body: CreateMeetingBody): Result<MeetingCreated> {
    const process = this.get(given.id);
    if (!process) return fail('NOT_FOUND', 'No such process');
    const seen = process.requests.find((r) => r.id === body.requestId);
    if (seen) {
      const again = seen.workshopId === null ? undefined : this.workshops.get(seen.workshopId);
      if (!again) return fail('CONFLICT', 'This request id was used for something that is not a meeting of this process (any more)');
      return ok({ workshop: again, meeting: again.state.process?.meeting ?? process.meetingIds.indexOf(again.id) + 1, created: false });
    }
    if (process.meetingIds.length >= PROCESS_LIMITS.meetings) return fail('NOT_ALLOWED', `A process holds at most ${PROCESS_LIMITS.meetings} meetings`);
    // What is being collected is stored first: the new meeting starts from stored values only.
    this.workshops.flush();
    const previous = this.latestMeeting(process);
    // A meeting has no host token of its own that anyone holds: the organiser token opens it.
    const hostTokenHash = hashToken(newToken());
    const workshop = this.workshops.createFrom((ctx) => meetingState(process, previous?.state ?? null, body, { ...ctx, hostTokenHash }));
    const next: ProcessState = {
      ...process,
      meetingIds: [...process.meetingIds, workshop.id],
      requests: remembered(process.requests, { id: body.requestId, workshopId: workshop.id }),
      updatedAt: this.clock(),
    };
    try {
      this.save(next);
    } catch (err) {
      // Without the process knowing it, the meeting would be nobody's: it goes again.
      this.workshops.delete(workshop.id);
      throw err;
    }
    return ok({ workshop, meeting: workshop.state.process?.meeting ?? next.meetingIds.length, created: true });
  }

  /** Deletes the process and every meeting in it (each like a deleted workshop: gone from the file). */
  delete(given: ProcessState): boolean {
    const process = this.get(given.id);
    if (!process) return false;
    this.deleting.add(process.id);
    try {
      for (const id of process.meetingIds) this.workshops.delete(id);
      const deleted = this.store.deleteProcess(process.id, this.clock());
      this.forget(process);
      return deleted;
    } finally {
      this.deleting.delete(process.id);
    }
  }

  /**
   * The retention sweep's part for processes (after the workshops'): a process with no meetings
   * left whose own state did not change for `retentionDays` days is deleted (0: kept). A meeting
   * leaving is not a change of the process: once its last meeting went for being unused that
   * long, the process goes with it. Returns the codes deleted.
   */
  deleteIdle(retentionDays: number, now = this.clock()): string[] {
    if (!(retentionDays > 0)) return [];
    const deleted: string[] = [];
    for (const idle of this.store.idleProcesses(now - retentionDays * DAY_MS)) {
      try {
        const process = this.get(idle.id);
        if (!process || !this.delete(process)) continue;
        deleted.push(idle.code);
        this.logger.info(`Retention: deleted process ${idle.code}, unchanged for ${Math.floor((now - idle.updatedAt) / DAY_MS)} days and without meetings (RETENTION_DAYS=${retentionDays})`);
      } catch (err) {
        this.logger.error(`Retention: process ${idle.code} could not be deleted`, err);
      }
    }
    return deleted;
  }

  private opensMeeting(state: WorkshopState, token: string): boolean {
    const ref = state.process;
    if (!ref) return false;
    const process = this.get(ref.id);
    return process !== undefined && process.meetingIds.includes(state.id) && tokenMatches(token, process.organiserTokenHash);
  }

  /** A workshop was deleted (by its host, the process or the retention sweep): it leaves its process. */
  private meetingDeleted(workshopId: string): void {
    const process = this.store.processOfMeeting(workshopId);
    if (!process || this.deleting.has(process.id)) return;
    this.save({ ...process, meetingIds: process.meetingIds.filter((id) => id !== workshopId) });
  }

  /** Each meeting gets the process's invited numbers for the groups it has, where they differ. */
  private async sendInvited(process: ProcessState): Promise<void> {
    const invited = new Map(process.groups.map((g) => [g.id, g.invited]));
    await Promise.all(
      this.meetings(process).map(async (w) => {
        const changes = w.state.groups.flatMap((g) => {
          const wanted = invited.get(g.id);
          return wanted !== undefined && wanted !== (g.invited ?? null) ? [{ groupId: g.id, invited: wanted }] : [];
        });
        if (changes.length === 0) return;
        const result = await this.workshops.execute(w, { type: 'groups:invited', payload: { invited: changes } }, { role: 'host' });
        if (!result.ok) this.logger.error(`Process ${process.code}: invited numbers not stored in meeting ${w.code}: ${result.error.code} ${result.error.message}`);
        else if (result.value.length > 0) this.onMeetingChanged(w.id);
      }),
    );
  }

  private save(process: ProcessState): void {
    if (!this.store.saveProcess(process)) throw new Error(`Process ${process.code} is not in the store`);
    this.remember(process);
  }

  private remember(process: ProcessState): void {
    this.byCodeMap.set(process.code, process);
    this.codeById.set(process.id, process.code);
  }

  private forget(process: ProcessState): void {
    this.byCodeMap.delete(process.code);
    this.codeById.delete(process.id);
  }

  private unusedCode(): string {
    for (let i = 0; i < PROCESS_CODE_ATTEMPTS; i++) {
      const code = newJoinCode();
      // A deleted process's code stays taken: its public link must not open another process.
      if (!this.store.processCodeTaken(code)) return code;
    }
    throw new Error('No unused process code found');
  }
}

/** The request ids with this one added, the newest PROCESS_LIMITS.requestMemory. */
function remembered(requests: ProcessState['requests'], added: ProcessState['requests'][number]): ProcessState['requests'] {
  return [...requests, added].slice(-PROCESS_LIMITS.requestMemory);
}
