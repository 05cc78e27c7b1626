import { LIMITS } from '@parley/shared/domain';
import type { Ref } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Strings } from '../core/i18n';
import { SendIcon } from './icons';

const MAX = LIMITS.messageBodyMax;
/** The counter appears only when it starts to matter. */
const COUNTER_FROM = MAX - 1_000;

export function Composer(props: {
  t: Strings;
  onSend(text: string): boolean;
  onInput(text: string): void;
  inputRef: Ref<HTMLTextAreaElement>;
}) {
  const { t } = props;
  const [value, setValue] = useState('');
  const length = value.length;
  const over = length > MAX;
  const canSend = !over && value.trim().length > 0;

  useLayoutEffect(() => {
    const el = (props.inputRef as { current: HTMLTextAreaElement | null }).current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = Math.min(el.scrollHeight, 140) + 'px';
  }, [value]);

  const submit = () => {
    if (canSend && props.onSend(value)) setValue('');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Enter that confirms a Korean/Japanese IME composition must not send the half-typed message.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };

  return (
    <form
      class="pw-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label class="pw-sr" for="pw-input">
        {t.composerLabel}
      </label>
      <textarea
        id="pw-input"
        ref={props.inputRef}
        rows={1}
        value={value}
        placeholder={t.composerPlaceholder}
        aria-invalid={over}
        aria-describedby={length >= COUNTER_FROM ? 'pw-count' : undefined}
        onInput={(event) => {
          const next = event.currentTarget.value;
          setValue(next);
          props.onInput(next);
        }}
        onKeyDown={onKeyDown}
      />
      {length >= COUNTER_FROM && (
        <span id="pw-count" class={'pw-count' + (over ? ' pw-over' : '')}>
          {t.charCount(length, MAX)}
        </span>
      )}
      <button type="submit" class="pw-send" disabled={!canSend} aria-label={t.send}>
        <SendIcon />
      </button>
      {over && (
        <p class="pw-error" role="alert">
          {t.tooLong(MAX)}
        </p>
      )}
    </form>
  );
}
