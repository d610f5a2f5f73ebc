import type { PhonePart } from '../types.js';
import { OptionsPhone } from './OptionsPhone.js';

/** One option at a time against each value; after reveal the results in brief. */
export const optionsPhone: PhonePart = { Step: OptionsPhone, afterClose: 'step' };
