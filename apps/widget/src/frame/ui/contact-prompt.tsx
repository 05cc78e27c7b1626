import { useState } from 'preact/hooks';
import type { Strings } from '../core/i18n';

/** One line for name, company, phone and email, in any order; the server reads it and asks for what is missing. */
export function ContactPrompt(props: {
  t: Strings;
  expectation: string;
  status: 'idle' | 'saving' | 'error' | 'done';
  /** What the server understood so far, and what it still asks (instead of the default question). */
  savedValue: string | null;
  question: string | null;
  onSubmit(raw: string): Promise<'invalid' | 'saved' | 'failed'>;
}) {
  const { t } = props;
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);

  if (props.status === 'done') {
    return (
      <p class="pw-note pw-thanks" role="status">
        {(props.savedValue ? props.savedValue + ' ' : '') + t.captureThanks}
      </p>
    );
  }

  const error = invalid ? t.captureInvalid : props.status === 'error' ? t.captureFailed : null;
  return (
    <form
      class="pw-capture"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (props.status === 'saving') return;
        const result = await props.onSubmit(value);
        setInvalid(result === 'invalid');
        // Answered: the server's follow-up question (if any) asks for the rest in a fresh line.
        if (result === 'saved') setValue('');
      }}
    >
      <p id="pw-capture-question" class="pw-capture-question">
        {props.question ? (props.savedValue ? props.savedValue + ' ' : '') + props.question : (props.expectation ? props.expectation + ' ' : '') + t.captureAsk}
      </p>
      <div class="pw-capture-line">
        <input
          type="text"
          autoComplete="email"
          value={value}
          placeholder={t.capturePlaceholder}
          aria-label={t.captureLabel}
          aria-describedby={'pw-capture-question' + (error ? ' pw-capture-error' : '')}
          aria-invalid={invalid}
          onInput={(event) => {
            setValue(event.currentTarget.value);
            if (invalid) setInvalid(false);
          }}
        />
        <button type="submit" disabled={props.status === 'saving'}>
          {t.captureSave}
        </button>
      </div>
      {error && (
        <p id="pw-capture-error" class="pw-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
