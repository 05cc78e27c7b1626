/**
 * Flows: a button scenario per inbox, shown in the widget. A step is a message plus up to 10 buttons;
 * a button leads to another step. A step's `kind` says what the widget does there:
 * - `menu`: show the message and its buttons;
 * - `quote_form`: show the quote request form (`quote.submit`);
 * - `contact_capture`: ask for contact details in one line (`contact.capture`);
 * - `free_text`: show the message and let the visitor type;
 * - `handoff`: "talk to a person": the conversation is flagged for an agent.
 * The visitor can always type instead of clicking. Choices are stored on the conversation, and a
 * step's `category` is a strong signal for triage.
 */
import { FLOW_LIMITS, FLOW_STEP_KINDS, type FlowStepKind } from '@parley/shared/domain';

// Defined beside the rules that use them (`validateFlowDefinition` in shared/domain), re-exported for clients.
export { FLOW_LIMITS, FLOW_STEP_KINDS, type FlowStepKind };

/** Korean and English text; the widget shows the visitor's language (the other when one is empty). */
export interface LocalizedText {
  ko: string;
  en: string;
}

export interface FlowButton {
  id: string;
  label: LocalizedText;
  /** Id of the step the button leads to. */
  next: string;
}

export interface FlowStep {
  id: string;
  kind: FlowStepKind;
  message: LocalizedText;
  /** Only `menu` steps have buttons (1 to 10). */
  buttons: FlowButton[];
  /** Triage category this choice implies (e.g. `b2b_quote`), or null. */
  category: string | null;
}

export interface FlowDefinition {
  startStepId: string;
  steps: FlowStep[];
}

/** `GET /api/v1/inboxes/:inboxId/flow` (agents of the inbox); `PUT` the same path (admins) with `UpdateFlowRequest`. */
export interface FlowDto {
  inboxId: string;
  enabled: boolean;
  definition: FlowDefinition;
  updatedAt: string;
}

export interface UpdateFlowRequest {
  enabled: boolean;
  definition: FlowDefinition;
}

/** A visitor's button click, attached to the message it sends (`message.send` with `flow`). */
export interface FlowChoice {
  stepId: string;
  buttonId: string;
}

/** Structured parts of a message beside its text body. */
export interface MessageContent {
  /** The visitor clicked this button (the body is its label). */
  flowChoice?: FlowChoice;
  /** The bot showed this flow step; the widget renders its buttons or form. Labels are in the visitor's language. */
  flowStep?: { stepId: string; kind: FlowStepKind; buttons: Array<{ id: string; label: string }> };
  /** A quote sent to the customer: the PDF and the accept/decline page. */
  quote?: { quoteRequestId: string; displayId: number; amount: number; currency: string; validUntil: string; url: string; pdfUrl: string };
}

/** The flow choices recorded on a conversation (console shows the path; triage uses `category`). */
export interface ConversationFlowState {
  choices: Array<FlowChoice & { label: string }>;
  /** The last chosen step's category, if any. */
  category: string | null;
  /** The visitor asked for a person (handoff step). */
  handoff: boolean;
}
