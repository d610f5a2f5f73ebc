import { nanoid } from 'nanoid';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseJoinCode, PROCESS_LIMITS, LIMITS, TEMPLATE_IDS, TEMPLATES, type CreateMeetingResponse, type Lang, type MeetingAgendaSource, type ProcessReport, type TemplateId } from '../../../../shared/index.js';
import { TextField } from '../../components/TextField.js';
import { forgetProcess } from '../../lib/myProcesses.js';
import { forgetWorkshop } from '../../lib/myWorkshops.js';
import { GroupsInvitedEditor, groupProblems, parseInvited, ProblemList, type GroupDraft, type ProblemKey } from './GroupsInvitedEditor.js';
import { createMeeting, deleteProcess, downloadProcessExport, ProcessHttpError, updateProcess } from './processApi.js';
import { groupLabel } from './processText.js';

function useReason() {
  const { t } = useTranslation();
  return (err: unknown) => (!(err instanceof ProcessHttpError) ? t('errors.network') : err.code ? t(`errors.${err.code}`) : t('errors.http', { status: err.status }));
}

/**
 * The request id of a write: the same while the same body is sent again (a retry after a lost
 * answer stores nothing twice), a new one once the body differs or the last one succeeded.
 */
function useRequestId() {
  const last = useRef<{ id: string; body: string } | null>(null);
  return {
    idFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (last.current?.body !== text) last.current = { id: nanoid(), body: text };
      return last.current.id;
    },
    done() {
      last.current = null;
    },
  };
}

interface ToolProps {
  report: ProcessReport;
  code: string;
  organiserToken: string;
  lang: Lang;
  /** Fetch the report again after a change. */
  onChanged: () => void;
}

// ---- Title, area, groups and invited numbers ----

export function EditProcess({ report, code, organiserToken, lang, onChanged }: ToolProps) {
  const { t } = useTranslation();
  const reason = useReason();
  const request = useRequestId();
  const [open, setOpen] = useState(false);
  const inMeeting = new Set(report.meetings.flatMap((m) => m.representation.groups.map((g) => g.groupId)));
  const fromReport = (): GroupDraft[] =>
    report.groups.map((g) => ({ id: g.id, name: groupLabel(g, lang), invited: g.invited === null ? '' : String(g.invited), locked: inMeeting.has(g.id) }));
  const [title, setTitle] = useState(report.process.title);
  const [area, setArea] = useState(report.process.area);
  const [groups, setGroups] = useState<GroupDraft[]>(fromReport);
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const problems: ProblemKey[] = [...(title.trim() === '' ? (['title'] as const) : []), ...groupProblems(groups)];

  const start = () => {
    setTitle(report.process.title);
    setArea(report.process.area);
    setGroups(fromReport());
    setShowProblems(false);
    setError(null);
    setSaved(false);
    setOpen(true);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShowProblems(true);
    if (problems.length > 0 || busy) return;
    const body = {
      title: title.trim(),
      area: area.trim(),
      // A default group keeps its stored name while its shown (translated) name is unchanged.
      groups: groups.map((g) => {
        const known = g.id ? report.groups.find((x) => x.id === g.id) : undefined;
        const name = known && g.name.trim() === groupLabel(known, lang) ? known.name : g.name.trim();
        return { ...(g.id ? { id: g.id } : {}), name, invited: parseInvited(g.invited) ?? null };
      }),
    };
    setBusy(true);
    setError(null);
    try {
      await updateProcess(code, organiserToken, { requestId: request.idFor(body), ...body });
      request.done();
      setBusy(false);
      setSaved(true);
      setOpen(false);
      onChanged();
    } catch (err) {
      setBusy(false);
      setError(t('process.edit.failed', { reason: reason(err) }));
    }
  };

  return (
    <section className="p-tool" aria-labelledby="p-edit-h">
      <h2 id="p-edit-h">{t('process.edit.heading')}</h2>
      {saved ? (
        <p role="status" className="p-ok">
          {t('process.edit.saved')}
        </p>
      ) : null}
      {open ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="p-form">
          <TextField label={t('process.create.titleLabel')} value={title} onChange={setTitle} max={PROCESS_LIMITS.title} required />
          <TextField label={t('process.create.areaLabel')} value={area} onChange={setArea} max={PROCESS_LIMITS.area} />
          <GroupsInvitedEditor groups={groups} onChange={setGroups} />
          <p className="field-hint">{t('process.edit.invitedHint')}</p>
          {showProblems ? <ProblemList problems={problems} /> : null}
          {error ? (
            <p role="alert" className="form-problems">
              {error}
            </p>
          ) : null}
          <div className="row">
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? t('process.edit.saving') : t('process.edit.save')}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn-secondary" onClick={start}>
          {t('process.edit.open')}
        </button>
      )}
    </section>
  );
}

// ---- A new meeting ----

export function NewMeeting({ report, code, organiserToken, lang, onChanged }: ToolProps) {
  const { t } = useTranslation();
  const reason = useReason();
  const request = useRequestId();
  const first = report.meetings.length === 0;
  const full = report.meetings.length >= PROCESS_LIMITS.meetings;
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateId>('heat-transition');
  const [agenda, setAgenda] = useState<MeetingAgendaSource>('previous');
  const [rankingOrder, setRankingOrder] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreateMeetingResponse | null>(null);
  const problems: ProblemKey[] = title.trim() === '' ? ['meetingTitle'] : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShowProblems(true);
    if (problems.length > 0 || busy || full) return;
    const body = first ? { title: title.trim(), template } : { title: title.trim(), agenda, rankingOrder };
    setBusy(true);
    setError(null);
    try {
      const res = await createMeeting(code, organiserToken, { requestId: request.idFor(body), ...body });
      request.done();
      setCreated(res);
      setTitle('');
      setShowProblems(false);
      setBusy(false);
      onChanged();
    } catch (err) {
      setBusy(false);
      setError(t('process.newMeeting.failed', { reason: reason(err) }));
    }
  };

  return (
    <section className="p-tool" aria-labelledby="p-new-h">
      <h2 id="p-new-h">{t('process.newMeeting.heading')}</h2>
      {created ? (
        <p role="status" className="p-ok">
          {t('process.newMeeting.created', { n: created.meeting })} <a href={`/f/${created.code}#${organiserToken}`}>{t('process.newMeeting.openConsole')}</a>
        </p>
      ) : null}
      <p className="field-hint">{first ? t('process.newMeeting.firstHint') : t('process.newMeeting.laterHint')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="p-form">
        <TextField label={t('process.newMeeting.titleLabel')} value={title} onChange={setTitle} max={LIMITS.workshopTitle} placeholder={t('process.newMeeting.titlePlaceholder')} required />
        {first ? (
          <fieldset className="template-picker">
            <legend>{t('process.newMeeting.template')}</legend>
            {TEMPLATE_IDS.map((id) => (
              <label key={id} className="choice-card">
                <input type="radio" name="meeting-template" value={id} checked={template === id} onChange={() => setTemplate(id)} />
                <span className="choice-title">{TEMPLATES[id].name[lang]}</span>
                <span className="choice-desc">{TEMPLATES[id].description[lang]}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          <>
            <fieldset className="template-picker">
              <legend>{t('process.newMeeting.agenda')}</legend>
              <label className="choice-card">
                <input type="radio" name="meeting-agenda" value="previous" checked={agenda === 'previous'} onChange={() => setAgenda('previous')} />
                <span className="choice-title">{t('process.newMeeting.agendaPrevious')}</span>
                <span className="choice-desc">{t('process.newMeeting.agendaPreviousHint')}</span>
              </label>
              {TEMPLATE_IDS.map((id) => (
                <label key={id} className="choice-card">
                  <input type="radio" name="meeting-agenda" value={id} checked={agenda === id} onChange={() => setAgenda(id)} />
                  <span className="choice-title">{t('process.newMeeting.agendaTemplate', { name: TEMPLATES[id].name[lang] })}</span>
                </label>
              ))}
              <p className="field-hint">{t('process.newMeeting.agendaTemplateHint')}</p>
            </fieldset>
            <label className="switch">
              <input type="checkbox" checked={rankingOrder} onChange={(e) => setRankingOrder(e.target.checked)} aria-describedby="p-ranking-hint" />
              <span>{t('process.newMeeting.rankingOrder')}</span>
            </label>
            <p id="p-ranking-hint" className="field-hint">
              {t('process.newMeeting.rankingOrderHint')}
            </p>
          </>
        )}
        {showProblems ? <ProblemList problems={problems} /> : null}
        {full ? <p className="field-hint">{t('process.newMeeting.full', { max: PROCESS_LIMITS.meetings })}</p> : null}
        {error ? (
          <p role="alert" className="form-problems">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn-primary" disabled={busy || full}>
          {busy ? t('process.newMeeting.creating') : t('process.newMeeting.submit')}
        </button>
      </form>
    </section>
  );
}

// ---- Export, the process record, the public link ----

export function ProcessFiles({ code, organiserToken }: { code: string; organiserToken: string }) {
  const { t } = useTranslation();
  const reason = useReason();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const publicUrl = `${window.location.origin}/p/${code}`;

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadProcessExport(code, organiserToken);
    } catch (err) {
      setError(t('process.files.exportFailed', { reason: reason(err) }));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(publicUrl);
      setCopied(t('process.files.copied'));
    } catch {
      setCopied(t('process.files.copyFailed', { url: publicUrl }));
    }
  };

  return (
    <section className="p-tool" aria-labelledby="p-files-h">
      <h2 id="p-files-h">{t('process.files.heading')}</h2>
      <p className="field-hint">{t('process.files.publicHint')}</p>
      <p className="p-public-url">
        <code>{publicUrl}</code>
      </p>
      <div className="row">
        <button type="button" className="btn-secondary btn-small" onClick={() => void copy()}>
          {t('process.files.copy')}
        </button>
        <a className="btn-secondary btn-small" href={`/p/${code}/record`}>
          {t('process.files.record')}
        </a>
        <button type="button" className="btn-secondary btn-small" onClick={() => void download()} disabled={busy}>
          {busy ? t('process.files.exporting') : t('process.files.export')}
        </button>
      </div>
      <p role="status" className="p-status">
        {copied}
      </p>
      {error ? (
        <p role="alert" className="form-problems">
          {error}
        </p>
      ) : null}
    </section>
  );
}

// ---- Deleting the process ----

/**
 * In two steps, like deleting a workshop: the first says what goes (every meeting), the second
 * asks for the process code to be typed. Once the server confirms, this browser forgets the
 * process and its meetings.
 */
export function DeleteProcess({ report, code, organiserToken, onDeleted }: { report: ProcessReport; code: string; organiserToken: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const reason = useReason();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const matches = normaliseJoinCode(typed) === code;

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteProcess(code, organiserToken);
      forgetProcess(code);
      for (const m of report.meetings) forgetWorkshop(m.code);
      onDeleted();
    } catch (err) {
      setBusy(false);
      setError(t('process.delete.failed', { reason: reason(err) }));
    }
  };

  return (
    <section className="p-tool p-delete" aria-labelledby="p-delete-h">
      <h2 id="p-delete-h">{t('process.delete.heading')}</h2>
      {open ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="p-form">
          <p id="p-delete-what">{t('process.delete.what', { count: report.meetings.length })}</p>
          <label htmlFor="p-delete-code">{t('process.delete.typeCode', { code })}</label>
          <input id="p-delete-code" ref={input} value={typed} autoComplete="off" spellCheck={false} aria-describedby="p-delete-what" onChange={(e) => setTyped(e.target.value)} />
          {error ? (
            <p role="alert" className="form-problems">
              {error}
            </p>
          ) : null}
          <div className="row">
            <button type="submit" className="btn-danger" disabled={!matches || busy}>
              {busy ? t('process.delete.deleting') : t('process.delete.confirm')}
            </button>
            <button
              type="button"
              className="btn-secondary"
              onClick={() => {
                setOpen(false);
                setTyped('');
                setError(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="field-hint">{t('process.delete.intro')}</p>
          <button type="button" className="btn-danger" onClick={() => setOpen(true)}>
            {t('process.delete.start')}
          </button>
        </>
      )}
    </section>
  );
}
