import { describe, expect, it } from 'vitest';
import { CliError, linkQuery, parseDatasetArg, parseLabArgs, parseSlice } from '../../src/cli/args';

describe('lab CLI arguments', () => {
  it('takes a shared link as a full URL, a ?query or a bare query', () => {
    expect(linkQuery('https://lab.example/mm/?v=2&st=as&bg=0.01#top')).toBe('v=2&st=as&bg=0.01');
    expect(linkQuery('?v=2&st=as')).toBe('v=2&st=as');
    expect(linkQuery('v=2&st=as')).toBe('v=2&st=as');
    expect(linkQuery('https://lab.example/mm/')).toBe('');
    expect(linkQuery('')).toBe('');
  });

  it('reads datasets as quotes[,trades], from --data, --files and bare arguments', () => {
    const o = parseLabArgs(['--data', 'q.csv,t.csv', '--files', 'a.csv', 'b.csv.gz,bt.csv.gz', '--link', '?v=2&st=glft']);
    expect(o.datasets).toEqual([{ quotes: 'q.csv', trades: 't.csv' }, { quotes: 'a.csv' }, { quotes: 'b.csv.gz', trades: 'bt.csv.gz' }]);
    expect(o.query).toBe('v=2&st=glft');
    expect(() => parseDatasetArg('a,b,c', '--files')).toThrow(/^--files: expected "quotes.csv" or "quotes.csv,trades.csv"/);
    expect(() => parseDatasetArg('a,', '--data')).toThrow(CliError);
  });

  it('reads grid axes and refuses a malformed or repeated one by name', () => {
    expect(parseLabArgs(['--grid', 'bg=0.001, 0.01', '--grid', 'bk=1']).grid).toEqual([{ key: 'bg', values: ['0.001', '0.01'] }, { key: 'bk', values: ['1'] }]);
    expect(() => parseLabArgs(['--grid', 'bg'])).toThrow(/^--grid: expected key=v1,v2/);
    expect(() => parseLabArgs(['--grid', 'bg=1', '--grid', 'bg=2'])).toThrow(/key bg is given twice/);
  });

  it('takes the slice from --slice, else from a Kubernetes indexed Job environment, else runs everything', () => {
    expect(parseLabArgs(['--slice', '3/8']).slice).toEqual({ index: 3, count: 8 });
    expect(parseLabArgs([], { JOB_COMPLETION_INDEX: '5', LAB_SLICE_COUNT: '6' }).slice).toEqual({ index: 5, count: 6 });
    expect(parseLabArgs(['--slice', '0/2'], { JOB_COMPLETION_INDEX: '5', LAB_SLICE_COUNT: '6' }).slice).toEqual({ index: 0, count: 2 });
    expect(parseLabArgs([], { JOB_COMPLETION_INDEX: '5' }).slice).toEqual({ index: 0, count: 1 });
    expect(() => parseSlice('8/8')).toThrow(/^--slice: expected 0 <= i < n, got 8\/8/);
    expect(() => parseSlice('1-3')).toThrow(/^--slice: expected "i\/n"/);
    expect(() => parseLabArgs([], { JOB_COMPLETION_INDEX: '6', LAB_SLICE_COUNT: '6' })).toThrow(/^JOB_COMPLETION_INDEX\/LAB_SLICE_COUNT/);
  });

  it('names a bad flag value', () => {
    expect(() => parseLabArgs(['--workers', '0'])).toThrow(/^--workers: expected a whole number from 1 to 256, got "0"/);
    expect(() => parseLabArgs(['--out', 'r.csv'])).toThrow(/^--out: expected a \.json path/);
    expect(() => parseLabArgs(['--nope'])).toThrow(CliError);
  });
});
