import { customAlphabet, nanoid } from 'nanoid';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../shared/index.js';

/** Ids inside a workshop (values, stories, participants…): 96 bits, url-safe, fits idSchema. */
export const newId = (): string => nanoid(16);

/** Workshop ids never leave the server in a URL, but are unguessable anyway. */
export const newWorkshopId = (): string => nanoid(21);

/** A candidate join code; the registry retries until it is unused. */
export const newJoinCode: () => string = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
