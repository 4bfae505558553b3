// A calendar id is one percent-encoded segment in the app's URLs, as in the API's.
export const calendarsPath = "/calendars";
export const calendarPagePath = (id: string) => `/calendars/${encodeURIComponent(id)}`;
