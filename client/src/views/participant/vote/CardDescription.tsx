import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  text: string;
  /** The card's title, so the button says which card it opens. */
  value: string;
  className: string;
}

/**
 * A card's description on a vote screen: the first lines, and when the text is longer than
 * those, a "Read more" button (aria-expanded) that shows all of it and "Show less" to fold it
 * again. Whether the text is cut is measured, so a short description gets no button, and it is
 * measured again when the width or the text size changes.
 */
export function CardDescription({ id, text, value, className }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || open) return;
    const measure = () => setCut(el.scrollHeight > el.clientHeight + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [open, text]);

  return (
    <>
      <p id={id} ref={ref} className={open ? `${className} is-open` : className}>
        {text}
      </p>
      {cut || open ? (
        <button type="button" className="btn-link read-more" aria-expanded={open} aria-controls={id} aria-label={t(open ? 'cardText.showLessLabel' : 'cardText.readMoreLabel', { value })} onClick={() => setOpen((o) => !o)}>
          {t(open ? 'cardText.showLess' : 'cardText.readMore')}
        </button>
      ) : null}
    </>
  );
}
