/** `strategy export`: the resolved model as JSON data and as a CSV table of measures. */
export { exportModel, EXPORT_VERSION, type ExportDocument, type ExportedMeasure, type FindingCounts, type FundingSums } from './model';
export { measuresCsv, toCsv, formatCell, formatNumber, neutralise, quote, MEASURE_COLUMNS, type Cell } from './csv';
