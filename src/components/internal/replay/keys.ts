/** What a key does in the player. Kept apart from the DOM so the whole map is tested in one place. */
export type KeyAction =
  | 'toggle-play'
  | 'back'
  | 'forward'
  | 'previous-command'
  | 'next-command'
  | 'previous-frame'
  | 'next-frame'
  | 'start'
  | 'end'
  | 'help';

const keyMap: Record<string, KeyAction> = {
  ' ': 'toggle-play',
  k: 'toggle-play',
  ArrowLeft: 'back',
  ArrowRight: 'forward',
  '[': 'previous-command',
  ']': 'next-command',
  ',': 'previous-frame',
  '.': 'next-frame',
  Home: 'start',
  End: 'end',
  '?': 'help',
};

/** Elements whose own keys win: typing in the type-along field, choosing a speed, pressing a button. */
export type FocusKind = 'text-field' | 'button' | 'slider' | 'other';

/** The action for a key press, or undefined to let the browser handle it (Tab always leaves). */
export function actionForKey(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  focus: FocusKind,
): KeyAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || focus === 'text-field') return undefined;
  const action = keyMap[event.key];
  // Space and Enter on a button press that button; the slider has its own arrows, Home and End.
  if (focus === 'button' && event.key === ' ') return undefined;
  if (focus === 'slider' && ['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return undefined;
  return action;
}

export const shortcuts: [keys: string, what: string][] = [
  ['Space or K', 'Play or pause'],
  ['← / →', 'Back or forward 5 seconds'],
  ['[ / ]', 'Previous or next command'],
  [', / .', 'Previous or next frame'],
  ['Home / End', 'Start or end'],
  ['?', 'This list of shortcuts'],
];
