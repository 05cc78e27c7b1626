import type { FlowButtonView } from '../core/flow-view';

/** A flow step's buttons: real buttons, grouped under the step's message. */
export function FlowButtons(props: { label: string; buttons: FlowButtonView[]; onChoose(button: FlowButtonView): void }) {
  return (
    <div class="pw-choices" role="group" aria-label={props.label}>
      {props.buttons.map((button) => (
        <button key={button.id} type="button" class="pw-choice" onClick={() => props.onChoose(button)}>
          {button.label}
        </button>
      ))}
    </div>
  );
}
