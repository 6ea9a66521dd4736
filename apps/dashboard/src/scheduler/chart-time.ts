/** "14:05": the time axis and tooltips of the charts, in the browser's locale. */
export const clockTime = (at: string | number): string => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
