/** Why a whole file was rejected; lets the UI react (e.g. open the column-mapping dialog on 'columns'). */
export type CsvErrorCode = 'empty' | 'binary' | 'too-large' | 'columns' | 'row' | 'no-rows' | 'gzip' | 'options';

/**
 * Unusable input. `line` is 1-based (the header is line 1), `field` the header name of the
 * offending column ('' when the problem is not about one column).
 */
export class CsvError extends Error {
  readonly line: number;
  readonly field: string;
  readonly code: CsvErrorCode;
  /** Header fields found, when known: the column-mapping dialog offers them. */
  readonly header: string[] | undefined;
  constructor(line: number, field: string, message: string, code: CsvErrorCode = 'row', header?: string[]) {
    super(message);
    this.name = 'CsvError';
    this.line = line;
    this.field = field;
    this.code = code;
    this.header = header;
  }
}
