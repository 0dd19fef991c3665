/** What `mentor-coord init` writes where it was not told a contact; validate reports it until filled in. */
export const PLACEHOLDER = 'FILL IN';
