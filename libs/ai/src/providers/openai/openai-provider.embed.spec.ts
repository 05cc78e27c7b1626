import { deterministicVector, fakeReply, startFakeOpenAiServer, type FakeOpenAiServer } from '../../testing/fake-openai-server';
import { CATEGORIES } from './__fixtures__/replies';
import { OpenAiProvider, type OpenAiProviderOptions } from './openai-provider';

describe('OpenAiProvider.embed', () => {
  let server: FakeOpenAiServer;
  const provider = (overrides: Partial<OpenAiProviderOptions> = {}) =>
    new OpenAiProvider({ baseURL: server.baseURL, apiKey: 'sk-test', chatModel: 'gpt-4o-mini', embedModel: 'text-embedding-3-small', categories: CATEGORIES, timeoutMs: 500, maxRetries: 0, ...overrides });

  beforeEach(async () => {
    server = await startFakeOpenAiServer();
  });
  afterEach(() => server.close());

  it('returns one vector per text, in order, batching the requests and asking for floats', async () => {
    const texts = ['배송 기간', 'storage fee', '관부가세', 'refund'];
    const vectors = await provider({ embedBatchSize: 3 }).embed(texts);

    expect(vectors).toEqual(texts.map((t) => deterministicVector(t)));
    expect(server.requests.map((r) => r.body?.['input'])).toEqual([texts.slice(0, 3), texts.slice(3)]);
    expect(server.requests[0].body).toMatchObject({ model: 'text-embedding-3-small', encoding_format: 'float' });
  });

  it('puts vectors back in input order when the server lists them out of order', async () => {
    server.enqueue(
      fakeReply.raw({
        object: 'list',
        model: 'text-embedding-3-small',
        data: [
          { object: 'embedding', index: 1, embedding: [0, 1] },
          { object: 'embedding', index: 0, embedding: [1, 0] },
        ],
      }),
    );
    await expect(provider().embed(['a', 'b'])).resolves.toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('rejects a reply with the wrong number of vectors', async () => {
    server.enqueue(fakeReply.embeddings([[1, 0, 0]]));
    await expect(provider().embed(['a', 'b'])).rejects.toMatchObject({ code: 'invalid_output', message: 'invalid output: 1 vectors for 2 texts' });
  });

  it('rejects vectors whose size differs from the first batch or the configured size', async () => {
    const p = provider({ embedBatchSize: 1 });
    server.enqueue(fakeReply.embeddings([[1, 0, 0]]), fakeReply.embeddings([[1, 0]]));
    await expect(p.embed(['a', 'b'])).rejects.toMatchObject({ code: 'invalid_output', message: 'invalid output: embedding size 2, expected 3' });

    server.enqueue(fakeReply.embeddings([[1, 0, 0, 0]]));
    await expect(provider({ embedDimensions: 3 }).embed(['a'])).rejects.toMatchObject({ code: 'invalid_output' });
    expect(server.requests.at(-1)?.body?.['dimensions']).toBe(3);
  });

  it('rejects non-numeric vector entries', async () => {
    server.enqueue(fakeReply.embeddings([[1, Number.NaN]]));
    // NaN serialises as null in JSON.
    await expect(provider().embed(['a'])).rejects.toMatchObject({ code: 'invalid_output', message: 'invalid output: malformed embedding' });
  });

  it('sends nothing for an empty list and refuses without an embedding model', async () => {
    await expect(provider().embed([])).resolves.toEqual([]);
    expect(server.requests).toHaveLength(0);
    await expect(provider({ embedModel: undefined }).embed(['a'])).rejects.toMatchObject({ message: 'no embedding model configured' });
  });
});
