import { convertToParamMap } from '@angular/router';
import {
  NO_FILTERS,
  ReviewFilters,
  activeFilterCount,
  filtersFromParams,
  filtersToApiParams,
  filtersToQueryParams,
  parseDay,
  percentToConfidence,
  sameFilters,
} from './review-filters';

const AGENT = '0b3c6f0e-8a7d-4e0b-9d55-2f6f7a1c9e11';

const all: ReviewFilters = {
  from: '2026-11-01',
  to: '2026-11-21',
  category: 'shipping',
  status: 'edited',
  minConfidence: 0.5,
  maxConfidence: 0.9,
  reviewedById: AGENT,
  flagged: true,
};

describe('review filters and the URL', () => {
  it('reads every filter from the query params', () => {
    const params = convertToParamMap({
      from: '2026-11-01',
      to: '2026-11-21',
      category: 'shipping',
      status: 'edited',
      minConfidence: '0.5',
      maxConfidence: '0.9',
      reviewedById: AGENT,
      flagged: 'true',
    });
    expect(filtersFromParams(params)).toEqual(all);
  });

  it('writes filters to query params and reads them back unchanged', () => {
    const params = filtersToQueryParams(all);
    const back = filtersFromParams(
      convertToParamMap(
        Object.fromEntries(
          Object.entries(params).map(([k, v]) => [k, String(v)]),
        ),
      ),
    );
    expect(back).toEqual(all);
    expect(filtersToQueryParams({ ...all, flagged: false })['flagged']).toBe(
      'false',
    );
  });

  it('sets unset filters to null so navigating removes them from the URL', () => {
    expect(filtersToQueryParams(NO_FILTERS)).toEqual({
      from: null,
      to: null,
      category: null,
      status: null,
      minConfidence: null,
      maxConfidence: null,
      reviewedById: null,
      flagged: null,
    });
  });

  it('ignores values the API would reject instead of failing the whole page', () => {
    const params = convertToParamMap({
      from: '2026-02-30',
      to: 'yesterday',
      category: 'Shipping!',
      status: 'lost',
      minConfidence: '1.5',
      maxConfidence: 'abc',
      reviewedById: 'not-a-uuid',
      flagged: 'yes',
    });
    expect(filtersFromParams(params)).toEqual(NO_FILTERS);
  });

  it('compares and counts filters', () => {
    expect(sameFilters(all, { ...all })).toBe(true);
    expect(sameFilters(all, { ...all, flagged: false })).toBe(false);
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(
      activeFilterCount({ ...NO_FILTERS, flagged: false, category: 'order' }),
    ).toBe(2);
  });
});

describe('review filters to the API query', () => {
  it('sends days as local-midnight instants with an exclusive end (the day after the last day)', () => {
    const params = filtersToApiParams(all, { cursor: 'abc', limit: 50 });
    expect(params.get('from')).toBe(new Date(2026, 10, 1).toISOString());
    expect(params.get('to')).toBe(new Date(2026, 10, 22).toISOString());
    expect(params.get('category')).toBe('shipping');
    expect(params.get('status')).toBe('edited');
    expect(params.get('minConfidence')).toBe('0.5');
    expect(params.get('maxConfidence')).toBe('0.9');
    expect(params.get('reviewedById')).toBe(AGENT);
    expect(params.get('flagged')).toBe('true');
    expect(params.get('cursor')).toBe('abc');
    expect(params.get('limit')).toBe('50');
  });

  it('the last day of a month rolls over to the next month', () => {
    expect(
      filtersToApiParams({ ...NO_FILTERS, to: '2026-12-31' }).get('to'),
    ).toBe(new Date(2027, 0, 1).toISOString());
  });

  it('leaves out what is not set, and keeps a 0 confidence and flagged=false', () => {
    expect(filtersToApiParams(NO_FILTERS).keys()).toEqual([]);
    const params = filtersToApiParams({
      ...NO_FILTERS,
      minConfidence: 0,
      flagged: false,
    });
    expect(params.keys()).toEqual(['minConfidence', 'flagged']);
    expect(params.get('minConfidence')).toBe('0');
    expect(params.get('flagged')).toBe('false');
  });
});

describe('helpers', () => {
  it('parseDay accepts only real calendar days', () => {
    expect(parseDay('2024-02-29')).toEqual(new Date(2024, 1, 29));
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2026-1-5')).toBeNull();
  });

  it('percentToConfidence turns 0-100 into 0..1 and rejects the rest', () => {
    expect(percentToConfidence('85')).toBe(0.85);
    expect(percentToConfidence('0')).toBe(0);
    expect(percentToConfidence('')).toBeNull();
    expect(percentToConfidence('120')).toBeNull();
    expect(percentToConfidence('-5')).toBeNull();
  });
});
