import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityResults, ChannelResults } from '../../../../../shared/index.js';
import { useStore } from '../../../store/index.js';
import './onlineStrings.js';
import './online.css';

/** How many counted answers came in the room and how many online: the channels' split, or all in the room while none is online. */
export function channelCounts(results: ActivityResults): { room: number; online: number } {
  const channels = results.channels ?? null;
  return channels ? { room: channels.room.answers, online: channels.online.answers } : { room: results.answers.counted, online: 0 };
}

/**
 * A step's results panel, after the evening: "n in the room, m online" and, once answers came
 * in online, a toggle that shows the kind's results for the room and for online side by side
 * (`render` draws one channel's results with the panel's own components).
 */
export function ChannelSplit({ results, render }: { results: ActivityResults | undefined; render: (channel: ChannelResults) => ReactNode }) {
  const { t } = useTranslation();
  const ended = useStore((s) => s.host?.liveEndedAt ?? null);
  const [apart, setApart] = useState(false);
  const id = useId();
  if (!results) return null;
  const channels = results.channels ?? null;
  if (!channels && ended === null) return null;
  const counts = channelCounts(results);
  return (
    <div className="channel-split-block">
      <div className="channel-split-bar">
        <p className="channel-counts">
          <strong>{t('onlineHost.split.counts', counts)}</strong>
        </p>
        {channels ? (
          <button type="button" className="btn-secondary btn-small" aria-pressed={apart} aria-controls={apart ? id : undefined} onClick={() => setApart((x) => !x)}>
            {t('onlineHost.split.toggle')}
          </button>
        ) : null}
      </div>
      {channels && apart ? (
        <div className="channel-split" id={id}>
          <ChannelPart heading={t('onlineHost.split.room', { count: channels.room.answers })} channel={channels.room} render={render} />
          <ChannelPart heading={t('onlineHost.split.online', { count: channels.online.answers })} channel={channels.online} render={render} />
        </div>
      ) : null}
      {/* The panel's own results follow: say what they are once the two parts stand above them. */}
      {channels && apart ? <h4 className="channel-split-all">{t('onlineHost.split.all', { count: counts.room + counts.online })}</h4> : null}
    </div>
  );
}

function ChannelPart({ heading, channel, render }: { heading: string; channel: ChannelResults; render: (channel: ChannelResults) => ReactNode }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{heading}</h4>
      {channel.answers > 0 ? render(channel) : <p className="empty">{t('onlineHost.split.none')}</p>}
    </section>
  );
}
