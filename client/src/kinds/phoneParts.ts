/**
 * The phone's part of every kind, in a table of its own: the participant route loads only this
 * (not the boards, consoles and reports the full table, CLIENT_KINDS, brings along), so a phone
 * downloads the phone steps and nothing else. CLIENT_KINDS registers the same parts.
 */
import type { ActivityKind } from '../../../shared/index.js';
import { explorePhone } from './explore/phone.js';
import { optionsPhone } from './options/phone.js';
import { scanPhone } from './scan/phone.js';
import type { PhonePart } from './types.js';
import { votePhone } from './votePhone.js';

export const PHONE_PARTS: { [K in ActivityKind]: PhonePart } = {
  explore: explorePhone,
  dots: votePhone,
  rank: votePhone,
  points: votePhone,
  scan: scanPhone,
  options: optionsPhone,
};
