import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage, apiFieldIssues, normalizeIssuePath } from './api-error';

const failure = (body: unknown, status = 400) => new HttpErrorResponse({ status, error: body });

describe('API error helpers', () => {
  it('reads per-field problems from request validation and from the shared domain rules alike', () => {
    const error = failure({
      statusCode: 400,
      code: 'validation_failed',
      message: 'bad',
      details: [
        { field: 'url', errors: ['url must be an http(s) URL', 'url is too long'] },
        { path: 'definition.steps[0].buttons[1].next', message: 'names no step ("x")' },
        'noise',
      ],
    });

    expect(apiFieldIssues(error)).toEqual([
      { path: 'url', message: 'url must be an http(s) URL' },
      { path: 'url', message: 'url is too long' },
      { path: 'definition.steps[0].buttons[1].next', message: 'names no step ("x")' },
    ]);
  });

  it('finds no field problems in other errors, and no API message in a network failure', () => {
    expect(apiFieldIssues(failure({ statusCode: 409, code: 'conflict', message: 'x', details: [{ field: 'a', errors: ['b'] }] }, 409))).toEqual([]);
    expect(apiErrorMessage(failure('<html>Bad gateway</html>', 502))).toBeNull();
    expect(apiErrorMessage(failure({ statusCode: 409, code: 'invalid_transition', message: 'Cannot move' }, 409))).toBe('Cannot move');
  });

  it('writes bracket and dot paths the same way', () => {
    expect(normalizeIssuePath('definition.steps[2].buttons[0].next')).toBe('definition.steps.2.buttons.0.next');
    expect(normalizeIssuePath('items.0.quantity')).toBe('items.0.quantity');
  });
});
