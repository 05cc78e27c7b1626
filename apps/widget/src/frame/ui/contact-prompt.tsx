import { useState } from 'preact/hooks';
import type { Strings } from '../core/i18n';

/** One line, one field: email or phone, whichever the visitor types. */
export function ContactPrompt(props: {
  t: Strings;
  expectation: string;
  status: 'idle' | 'saving' | 'error' | 'done';
  savedValue: string | null;
  onSubmit(raw: string): Promise<'invalid' | 'saved' | 'failed'>;
}) {
  const { t } = props;
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);

  if (props.status === 'done') {
    return (
      <p class="pw-note pw-thanks" role="status">
        {t.captureThanks(props.savedValue || '')}
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
        setInvalid((await props.onSubmit(value)) === 'invalid');
      }}
    >
      <p id="pw-capture-question" class="pw-capture-question">
        {props.expectation + ' ' + t.captureAsk}
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
