/** The screens the browser tests and the screenshot tour use, in CSS pixels. */
export const PHONE = { width: 390, height: 844 };
export const BOARD = { width: 1920, height: 1080 };
export const LAPTOP = { width: 1440, height: 900 };
/** A4 at 96 dpi: the printable report. */
export const PRINT = { width: 794, height: 1123 };
