/** Shows a problem as `role="alert"` text inside a player; the rest of the page keeps working. */
export function showError(root: HTMLElement, message: string): void {
  const alert = root.querySelector<HTMLElement>('.replay-error');
  if (alert) {
    alert.textContent = message;
    alert.hidden = false;
  }
  root.dataset['state'] = 'error';
}
