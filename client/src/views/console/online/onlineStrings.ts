import { registerStrings } from '../../../i18n/lazy.js';
import { onlineHostEn } from '../../../i18n/onlineHost.en.js';
import { onlineHostNl } from '../../../i18n/onlineHost.nl.js';

// The console's and the board's room/online texts, registered by every module that uses them.
registerStrings('onlineHost', { nl: onlineHostNl, en: onlineHostEn });

/** Date and time as the console and the board write a deadline ("di 8 december 20:00"). */
export function dateTimeFormat(lang: 'nl' | 'en'): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}
