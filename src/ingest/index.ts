export {
  DEFAULT_MAX_REPORT_BYTES,
  type DecodedReport,
  type DecodeOptions,
  decodeReportBytes,
} from './decode.js';
export { readReportFile } from './read-file.js';
