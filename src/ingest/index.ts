export {
  DEFAULT_MAX_REPORT_BYTES,
  type DecodedReport,
  type DecodeOptions,
  type DocumentFormat,
} from './decode.js';
export { decodeReportBytes, readDocument } from './read-document.js';
export { readReportFile } from './read-file.js';
