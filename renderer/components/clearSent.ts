/**
 * A field's state update for after a successful save: empty it only if it still holds what was sent. The list can show
 * the saved item before the save returns, and a person who has begun the next one by then keeps what they typed.
 */
export const clearSent =
  (sent: string) =>
  (now: string): string =>
    now === sent ? '' : now;
