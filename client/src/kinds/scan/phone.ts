import { ScanView } from '../../views/participant/scan/ScanView.js';
import type { PhonePart } from '../types.js';

/** The statements and open questions; after reveal the averages and the open answers to endorse. */
export const scanPhone: PhonePart = { Step: ScanView, afterClose: 'step' };
